import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Transaction } from "@/lib/db/client";
import { sandboxObjects, sandboxWatchEvents } from "@/lib/db/schema";
import { notifyCommitted } from "../notifier";
import type { K8sObject, ResourceType } from "../types";
import { readNamespaceContents, readObject, readObjects, type ListRange } from "./read";
import { allocateResourceVersion, ensureState, lockState } from "./state";

class DryRunRollback<T> extends Error {
  constructor(readonly result: T) {
    super("dry run");
  }
}

const storedNamespace = (type: ResourceType, object: K8sObject) =>
  type.namespaced ? (object.metadata.namespace ?? "") : "";

/**
 * One write transaction. It holds the counter row lock from the start, so writers are
 * serialised: quota checks see every committed pod, and the watch log commits in
 * resourceVersion order (a watcher that has seen version N never misses an earlier one).
 */
export class Writer {
  private lastVersion = 0;

  private constructor(readonly tx: Transaction) {}

  static async run<T>(fn: (w: Writer) => Promise<T>, options: { dryRun?: boolean } = {}): Promise<T> {
    const db = getDb();
    await ensureState(db);
    let committed = 0;
    try {
      const result = await db.transaction(
        async (tx) => {
          const writer = new Writer(tx);
          await lockState(tx);
          const value = await fn(writer);
          if (options.dryRun) throw new DryRunRollback(value);
          committed = writer.lastVersion;
          return value;
        },
        { isolationLevel: "read committed" },
      );
      if (committed) notifyCommitted(committed);
      return result;
    } catch (error) {
      if (error instanceof DryRunRollback) return error.result as T;
      throw error;
    }
  }

  get(type: ResourceType, namespace: string, name: string): Promise<K8sObject | null> {
    return readObject(this.tx, type, namespace, name);
  }

  list(type: ResourceType, range: ListRange = {}): Promise<K8sObject[]> {
    return readObjects(this.tx, type, range);
  }

  namespaceContents(namespace: string) {
    return readNamespaceContents(this.tx, namespace);
  }

  private async nextVersion(object: K8sObject): Promise<number> {
    const version = await allocateResourceVersion(this.tx);
    this.lastVersion = version;
    object.metadata.resourceVersion = String(version);
    return version;
  }

  /** Stores a new object; sets its resourceVersion. */
  async insert(type: ResourceType, object: K8sObject): Promise<K8sObject> {
    const version = await this.nextVersion(object);
    const key = {
      apiGroup: type.group,
      resource: type.resource,
      namespace: storedNamespace(type, object),
      name: object.metadata.name!,
    };
    await this.tx
      .insert(sandboxObjects)
      .values({ ...key, uid: object.metadata.uid!, resourceVersion: version, object });
    await this.tx.insert(sandboxWatchEvents).values({ ...key, resourceVersion: version, type: "ADDED", object });
    return object;
  }

  /** Replaces a stored object; sets its new resourceVersion. */
  async replace(type: ResourceType, object: K8sObject, previous: K8sObject): Promise<K8sObject> {
    const version = await this.nextVersion(object);
    const key = {
      apiGroup: type.group,
      resource: type.resource,
      namespace: storedNamespace(type, object),
      name: object.metadata.name!,
    };
    await this.tx
      .update(sandboxObjects)
      .set({ resourceVersion: version, object })
      .where(
        and(
          eq(sandboxObjects.apiGroup, key.apiGroup),
          eq(sandboxObjects.resource, key.resource),
          eq(sandboxObjects.namespace, key.namespace),
          eq(sandboxObjects.name, key.name),
        ),
      );
    await this.tx
      .insert(sandboxWatchEvents)
      .values({ ...key, resourceVersion: version, type: "MODIFIED", object, previous });
    return object;
  }

  /** Removes an object; the DELETED event carries its last state at a new resourceVersion. */
  async remove(type: ResourceType, object: K8sObject): Promise<K8sObject> {
    const gone = structuredClone(object);
    const version = await this.nextVersion(gone);
    const key = {
      apiGroup: type.group,
      resource: type.resource,
      namespace: storedNamespace(type, object),
      name: object.metadata.name!,
    };
    await this.tx
      .delete(sandboxObjects)
      .where(
        and(
          eq(sandboxObjects.apiGroup, key.apiGroup),
          eq(sandboxObjects.resource, key.resource),
          eq(sandboxObjects.namespace, key.namespace),
          eq(sandboxObjects.name, key.name),
        ),
      );
    await this.tx
      .insert(sandboxWatchEvents)
      .values({ ...key, resourceVersion: version, type: "DELETED", object: gone });
    return gone;
  }
}
