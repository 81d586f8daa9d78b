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
  basePath: string | null;
}

/**
 * For telemetry that crosses namespaces (a trace, its logs): which of these namespaces the
 * actor may read. An environment's namespace needs telemetry.read there, Facet's own needs
 * telemetry.system.read, and one that belongs to no environment only a sysadmin sees.
 */
export async function namespaceAccess(actor: Actor, nsIds: number[]): Promise<Map<number, NamespaceInfo>> {
  const out = new Map<number, NamespaceInfo>();
  if (!nsIds.length) return out;
  const [rows] = await getPool().query<RowDataPacket[]>(
    `SELECT n.id ns_id, n.cluster_id, n.namespace, e.id env_id, e.name env_name, e.type env_type, p.id project_id, p.name project_name, t.id tenant_id, t.name tenant_name,
            tm.role tenant_role, pm.role project_role, em.role env_role
       FROM telemetry_namespaces n
       LEFT JOIN environments e ON e.cluster_id = n.cluster_id AND e.namespace = n.namespace
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
      out.set(nsId, { nsId, clusterId: SYSTEM_CLUSTER_ID, namespace: r.namespace, env: null, scope: {}, readable: decide(actor, "telemetry.system.read").allow, basePath: "/api/v1/system" });
      continue;
    }
    if (!r.env_id) {
      out.set(nsId, { nsId, clusterId: Number(r.cluster_id), namespace: r.namespace, env: null, scope: null, readable: actor.systemRole === "sysadmin", basePath: null });
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
    out.set(nsId, { nsId, clusterId: Number(r.cluster_id), namespace: r.namespace, env, scope, readable: decide(actor, "telemetry.read", scope).allow, basePath: envPath(env) });
  }
  return out;
}

/**
 * The scope a cross-namespace read is authorized in: a namespace the actor may read if there
 * is one, else the first environment it touches (so the refusal is that environment's 403 or 404).
 */
export function scopeForRead(access: Map<number, NamespaceInfo>): Scope | null {
  const all = [...access.values()];
  const readable = all.find((a) => a.readable);
  if (readable) return readable.scope ?? {};
  return all.find((a) => a.scope && a.env)?.scope ?? null;
}
