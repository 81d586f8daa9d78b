import "server-only";
import { and, asc, eq, gt, or, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/lib/db/client";
import { sandboxObjects } from "@/lib/db/schema";
import type { K8sObject, ResourceType } from "../types";

export function parseJson<T>(value: unknown): T {
  // mysql2 decodes MariaDB JSON columns itself; raw strings show up only from other drivers.
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

function keyWhere(type: ResourceType, namespace: string, name: string): SQL {
  return and(
    eq(sandboxObjects.apiGroup, type.group),
    eq(sandboxObjects.resource, type.resource),
    eq(sandboxObjects.namespace, type.namespaced ? namespace : ""),
    eq(sandboxObjects.name, name),
  )!;
}

export async function readObject(
  db: Executor,
  type: ResourceType,
  namespace: string,
  name: string,
): Promise<K8sObject | null> {
  const [row] = await db
    .select({ object: sandboxObjects.object })
    .from(sandboxObjects)
    .where(keyWhere(type, namespace, name));
  return row ? parseJson<K8sObject>(row.object) : null;
}

export interface ListRange {
  /** Empty for every namespace (and for cluster-scoped kinds). */
  namespace?: string;
  /** Resume after this namespace/name (pagination). */
  after?: { namespace: string; name: string };
  limit?: number;
}

/** Objects of one resource in key order (namespace, name). */
export async function readObjects(db: Executor, type: ResourceType, range: ListRange = {}): Promise<K8sObject[]> {
  const conditions: SQL[] = [eq(sandboxObjects.apiGroup, type.group), eq(sandboxObjects.resource, type.resource)];
  if (range.namespace) conditions.push(eq(sandboxObjects.namespace, range.namespace));
  if (range.after) {
    const { namespace, name } = range.after;
    conditions.push(
      or(
        gt(sandboxObjects.namespace, namespace),
        and(eq(sandboxObjects.namespace, namespace), gt(sandboxObjects.name, name)),
      )!,
    );
  }
  const query = db
    .select({ object: sandboxObjects.object })
    .from(sandboxObjects)
    .where(and(...conditions))
    .orderBy(asc(sandboxObjects.namespace), asc(sandboxObjects.name));
  const rows = range.limit ? await query.limit(range.limit) : await query;
  return rows.map((r) => parseJson<K8sObject>(r.object));
}

/** Every object in a namespace, of any resource (namespace deletion, garbage collection). */
export async function readNamespaceContents(
  db: Executor,
  namespace: string,
): Promise<{ group: string; resource: string; object: K8sObject }[]> {
  const rows = await db
    .select({ group: sandboxObjects.apiGroup, resource: sandboxObjects.resource, object: sandboxObjects.object })
    .from(sandboxObjects)
    .where(eq(sandboxObjects.namespace, namespace));
  return rows.map((r) => ({ group: r.group, resource: r.resource, object: parseJson<K8sObject>(r.object) }));
}

/** Runs reads in one consistent snapshot (a list and the resourceVersion it was read at). */
export function inSnapshot<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
  return getDb().transaction((tx) => fn(tx), { isolationLevel: "repeatable read", withConsistentSnapshot: true });
}
