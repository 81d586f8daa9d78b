import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { EVENTS, NAMESPACES } from "../builtin-resources";
import { finalizeNamespace, removeObject } from "../objects/delete-object";
import { allResourceTypes, typeForStored } from "../registry";
import { parseJson, readObjects } from "../store/read";
import { Writer } from "../store/writer";
import { sandboxObjects } from "@/lib/db/schema";
import type { K8sObject } from "../types";

const EVENT_TTL_MS = 60 * 60 * 1000;

/** Removes objects whose controlling owner no longer exists (the garbage collector's background mode). */
export async function collectOrphans(): Promise<void> {
  const db = getDb();
  const rows = await db
    .select({
      group: sandboxObjects.apiGroup,
      resource: sandboxObjects.resource,
      uid: sandboxObjects.uid,
      object: sandboxObjects.object,
    })
    .from(sandboxObjects);
  const uids = new Set(rows.map((r) => r.uid));
  const orphans = rows.filter((r) => {
    const refs = parseJson<K8sObject>(r.object).metadata.ownerReferences ?? [];
    return refs.length > 0 && refs.every((ref) => !uids.has(ref.uid));
  });
  if (orphans.length === 0) return;
  const types = await allResourceTypes(db);
  for (const orphan of orphans) {
    const type = typeForStored(types, orphan.group, orphan.resource);
    const object = parseJson<K8sObject>(orphan.object);
    if (!type) continue;
    await Writer.run(async (w) => {
      const fresh = await w.get(type, object.metadata.namespace ?? "", object.metadata.name!);
      if (fresh && fresh.metadata.uid === object.metadata.uid) await removeObject(w, type, fresh, "Background");
    });
  }
}

/** Finishes namespaces whose contents were held back by finalizers. */
export async function finalizeTerminatingNamespaces(): Promise<void> {
  for (const namespace of await readObjects(getDb(), NAMESPACES)) {
    if (!namespace.metadata.deletionTimestamp) continue;
    await Writer.run(async (w) => {
      const fresh = await w.get(NAMESPACES, "", namespace.metadata.name!);
      if (fresh?.metadata.deletionTimestamp) await finalizeNamespace(w, fresh);
    });
  }
}

/** Events expire after an hour, as the API server's event TTL does. */
export async function expireEvents(now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - EVENT_TTL_MS);
  const old = await getDb()
    .select({ object: sandboxObjects.object })
    .from(sandboxObjects)
    .where(
      and(eq(sandboxObjects.apiGroup, ""), eq(sandboxObjects.resource, "events"), lt(sandboxObjects.updatedAt, cutoff)),
    );
  const events = old.map((r) => parseJson<K8sObject>(r.object));
  if (events.length === 0) return;
  await Writer.run(async (w) => {
    for (const e of events) {
      const fresh = await w.get(EVENTS, e.metadata.namespace!, e.metadata.name!);
      if (fresh) await w.remove(EVENTS, fresh);
    }
  });
}
