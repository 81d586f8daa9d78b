import "server-only";
import type { RowDataPacket } from "mysql2";
import type { Actor } from "@/lib/auth/actor";
import { getPool } from "@/lib/db/client";
import { decide, type Scope } from "@/lib/rbac";
import { SYSTEM_CLUSTER_ID } from "../store/dictionary";
import { envPath, type EnvRef } from "./target";

export interface NamespaceInfo {
  nsId: number;
  clusterId: number;
  namespace: string;
  env: EnvRef | null;
  /** The actor's roles there, for the policy decision; null outside any environment. */
  scope: Scope | null;
  readable: boolean;
  /** An environment of a tenant the actor belongs to: only these count as "hidden" in answers. */
  callersTenant: boolean;
  basePath: string | null;
}

/**
 * For telemetry that crosses namespaces (a trace, its logs): which of these identities the
 * actor may read. An environment's needs telemetry.read there, Facet's own needs
 * telemetry.system.read, one written while no environment owned the namespace only a sysadmin
 * sees, and one of a deleted environment (sealed until purged) nobody does.
 */
export async function namespaceAccess(actor: Actor, nsIds: number[]): Promise<Map<number, NamespaceInfo>> {
  const out = new Map<number, NamespaceInfo>();
  if (!nsIds.length) return out;
  const [rows] = await getPool().query<RowDataPacket[]>(
    `SELECT n.id ns_id, n.cluster_id, n.namespace, n.environment_id, e.id env_id, e.name env_name, e.type env_type, p.id project_id, p.name project_name, t.id tenant_id, t.name tenant_name,
            tm.role tenant_role, pm.role project_role, em.role env_role
       FROM telemetry_namespaces n
       LEFT JOIN environments e ON e.id = n.environment_id
       LEFT JOIN projects p ON p.id = e.project_id
       LEFT JOIN tenants t ON t.id = e.tenant_id
       LEFT JOIN tenant_members tm ON tm.tenant_id = t.id AND tm.user_id = ?
       LEFT JOIN project_members pm ON pm.project_id = p.id AND pm.user_id = ?
       LEFT JOIN environment_members em ON em.environment_id = e.id AND em.user_id = ?
      WHERE n.id IN (?)`,
    [actor.id, actor.id, actor.id, nsIds],
  );
  for (const r of rows) {
    const nsId = Number(r.ns_id);
    if (Number(r.cluster_id) === SYSTEM_CLUSTER_ID) {
      out.set(nsId, {
        nsId,
        clusterId: SYSTEM_CLUSTER_ID,
        namespace: r.namespace,
        env: null,
        scope: {},
        readable: decide(actor, "telemetry.system.read").allow,
        callersTenant: false,
        basePath: "/api/v1/system",
      });
      continue;
    }
    if (!r.env_id) {
      const sealed = Number(r.environment_id) !== 0;
      out.set(nsId, {
        nsId,
        clusterId: Number(r.cluster_id),
        namespace: r.namespace,
        env: null,
        scope: null,
        readable: !sealed && actor.systemRole === "sysadmin",
        callersTenant: false,
        basePath: null,
      });
      continue;
    }
    const scope: Scope = {
      tenant: { id: Number(r.tenant_id), name: r.tenant_name },
      project: { id: Number(r.project_id), name: r.project_name },
      environment: { id: Number(r.env_id), name: r.env_name, type: r.env_type },
      tenantRole: r.tenant_role ?? null,
      projectRole: r.project_role ?? null,
      environmentRole: r.env_role ?? null,
    };
    const env = { tenant: r.tenant_name, project: r.project_name, environment: r.env_name };
    out.set(nsId, {
      nsId,
      clusterId: Number(r.cluster_id),
      namespace: r.namespace,
      env,
      scope,
      readable: decide(actor, "telemetry.read", scope).allow,
      callersTenant: Boolean(r.tenant_role ?? r.project_role ?? r.env_role),
      basePath: envPath(env),
    });
  }
  return out;
}

/**
 * The scope a cross-namespace read is authorized in: one the actor may read. None is the same
 * answer as a trace that does not exist, so another tenant's trace ids cannot be told apart
 * from unknown ones.
 */
export function scopeForRead(access: Map<number, NamespaceInfo>): Scope | null {
  const readable = [...access.values()].find((a) => a.readable);
  return readable ? (readable.scope ?? {}) : null;
}

/** Rows the actor may not read but may know exist: those in its own tenants' environments. */
export const countsAsHidden = (access: Map<number, NamespaceInfo>, nsId: number) => {
  const a = access.get(nsId);
  return Boolean(a && !a.readable && a.callersTenant);
};

/** Of these namespaces of a cluster, those whose environment is in the same tenant as `namespace`'s:
 *  the spans an external store holds there are the only ones an answer may count as hidden. */
export async function sameTenantNamespaces(
  clusterId: number,
  namespace: string,
  candidates: string[],
): Promise<Set<string>> {
  if (!candidates.length) return new Set();
  const [rows] = await getPool().query<RowDataPacket[]>(
    `SELECT o.namespace FROM environments e JOIN environments o ON o.tenant_id = e.tenant_id AND o.cluster_id = e.cluster_id
      WHERE e.cluster_id = ? AND e.namespace = ? AND o.namespace IN (?)`,
    [clusterId, namespace, candidates],
  );
  return new Set(rows.map((r) => r.namespace as string));
}
