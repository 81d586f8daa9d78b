import "server-only";
import { SYSTEM_API } from "../client";
import type { RowDataPacket } from "mysql2";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AuthedContext } from "@/lib/core/context";
import { existingNamespaceId, SYSTEM_CLUSTER_ID, SYSTEM_NAMESPACE } from "../store/dictionary";
import { assertWindow } from "./bounds";
import { apiPath } from "@/lib/console/paths";

export interface EnvRef {
  tenant: string;
  project: string;
  environment: string;
}

/** The one telemetry identity a query reads: an environment's namespace under that environment, or Facet's own. */
export interface Target {
  clusterId: number;
  namespace: string;
  /** Null while the environment has sent nothing. */
  nsId: number | null;
  env: EnvRef | null;
  /** API path that serves this namespace's telemetry, for the links in answers. */
  basePath: string;
}

export const envPath = (e: EnvRef) => apiPath.environment(e);

/** The environment resolved by environmentScope(), with its cluster and namespace. */
export async function environmentTarget(ctx: AuthedContext): Promise<Target> {
  const { tenant, project, environment } = ctx.scope;
  if (!tenant || !project || !environment) throw new AppError("INTERNAL", "environment scope was not resolved");
  const [rows] = await getPool().query<RowDataPacket[]>(
    "SELECT cluster_id, namespace FROM environments WHERE id = ? AND tenant_id = ?",
    [environment.id, tenant.id],
  );
  if (!rows[0]) throw new AppError("NOT_FOUND", "The environment does not exist.");
  const clusterId = Number(rows[0].cluster_id);
  const namespace = rows[0].namespace as string;
  // Keyed by the environment's id, not the namespace name: what an earlier environment (or a
  // cluster token before any environment) wrote there is not this environment's.
  const nsId = await existingNamespaceId({ clusterId, namespace, environmentId: environment.id });
  const env = { tenant: tenant.name, project: project.name, environment: environment.name };
  return { clusterId, namespace, nsId, env, basePath: envPath(env) };
}

export async function systemTarget(): Promise<Target> {
  const nsId = await existingNamespaceId({
    clusterId: SYSTEM_CLUSTER_ID,
    namespace: SYSTEM_NAMESPACE,
    environmentId: 0,
  });
  return { clusterId: SYSTEM_CLUSTER_ID, namespace: SYSTEM_NAMESPACE, nsId, env: null, basePath: SYSTEM_API };
}

/** Default window: the last hour; at most MAX_WINDOW_MS. */
export function windowOf(q: { start?: number; end?: number }, now = Date.now()): { startMs: number; endMs: number } {
  const endMs = q.end ?? now;
  const startMs = q.start ?? endMs - 3600_000;
  if (startMs >= endMs)
    throw new AppError("VALIDATION", "start must be before end.", {
      errors: [{ path: "query.start", message: "start must be before end." }],
    });
  assertWindow(startMs, endMs);
  return { startMs, endMs };
}
