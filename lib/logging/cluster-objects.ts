import "server-only";
import { ApiException } from "@kubernetes/client-node";
import { onCluster, upstreamError } from "@/lib/clusters/upstream-error";
import { LOGGING_GROUP, LOGGING_VERSION, PLURALS, type LoggingKind } from "./constants";
import type { LoggingTarget } from "./target";

/** A logging custom resource as read from a cluster. */
export interface LoggingObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [k: string]: unknown;
  };
  spec?: Record<string, unknown>;
  status?: { active?: boolean; problems?: string[]; problemsCount?: number };
}

const where = (t: LoggingTarget, kind: LoggingKind) => ({
  group: LOGGING_GROUP,
  version: LOGGING_VERSION,
  namespace: t.namespace,
  plural: PLURALS[kind],
});

export const isNotFound = (error: unknown) => error instanceof ApiException && error.code === 404;

/** Every object of a kind in the target namespace; null when the cluster does not serve the kind. */
export async function listLoggingObjects(t: LoggingTarget, kind: LoggingKind): Promise<LoggingObject[] | null> {
  try {
    const list = (await t.client.custom.listNamespacedCustomObject(where(t, kind))) as { items?: LoggingObject[] };
    return (list.items ?? []).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw upstreamError(t.cluster.name, error);
  }
}

export async function readLoggingObject(
  t: LoggingTarget,
  kind: LoggingKind,
  name: string,
): Promise<LoggingObject | null> {
  try {
    return (await t.client.custom.getNamespacedCustomObject({ ...where(t, kind), name })) as LoggingObject;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw upstreamError(t.cluster.name, error);
  }
}

/** Creates or replaces, errors unmapped; `dryRun` asks the API server to check everything and store nothing. */
export async function rawWriteLoggingObject(
  t: LoggingTarget,
  kind: LoggingKind,
  body: LoggingObject,
  options: { replace: boolean; dryRun: boolean },
): Promise<LoggingObject> {
  const dryRun = options.dryRun ? "All" : undefined;
  return options.replace
    ? ((await t.client.custom.replaceNamespacedCustomObject({
        ...where(t, kind),
        name: body.metadata.name,
        body,
        dryRun,
      })) as LoggingObject)
    : ((await t.client.custom.createNamespacedCustomObject({ ...where(t, kind), body, dryRun })) as LoggingObject);
}

export function writeLoggingObject(
  t: LoggingTarget,
  kind: LoggingKind,
  body: LoggingObject,
  options: { replace: boolean; dryRun: boolean },
): Promise<LoggingObject> {
  return onCluster(t.cluster.name, () => rawWriteLoggingObject(t, kind, body, options));
}

/** Deletes; false when it was already gone. */
export async function deleteLoggingObject(t: LoggingTarget, kind: LoggingKind, name: string): Promise<boolean> {
  try {
    await t.client.custom.deleteNamespacedCustomObject({ ...where(t, kind), name });
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw upstreamError(t.cluster.name, error);
  }
}
