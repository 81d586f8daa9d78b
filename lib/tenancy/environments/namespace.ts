import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { environments } from "@/lib/db/schema";

const label = (s: string) => s.slice(0, 63).replace(/-+$/, "");

/** tenant-environment, then tenant-project-environment, then a random suffix: the first free on the cluster. */
export async function freeNamespace(tx: Executor, clusterId: number, tenant: string, project: string, environment: string): Promise<string> {
  const candidates = [`${tenant}-${environment}`, `${tenant}-${project}-${environment}`].map(label);
  for (const name of candidates) if (!(await namespaceTaken(tx, clusterId, name))) return name;
  return `${label(candidates[1].slice(0, 57))}-${randomBytes(3).toString("hex")}`;
}

export async function namespaceTaken(tx: Executor, clusterId: number, namespace: string): Promise<boolean> {
  const [row] = await tx.select({ id: environments.id }).from(environments).where(and(eq(environments.clusterId, clusterId), eq(environments.namespace, namespace))).limit(1);
  return Boolean(row);
}
