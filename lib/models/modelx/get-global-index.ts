import "server-only";
import type { RowDataPacket } from "mysql2";
import type { Actor } from "@/lib/auth/actor";
import { getPool } from "@/lib/db/client";
import { INDEX_MEDIA_TYPE } from "./manifest";
import { searchPattern } from "./search";

const MAX_MODELS = 1000;

// The library and the repositories of projects the actor may pull from (tenant admins: every
// project of the tenant; others: the projects they are members of); sysadmins see all. One
// constant statement: the search, left out, is bound as NULL and folds away.
const VISIBLE_MODELS = `SELECT m.repository, m.model FROM modelx_manifests m
  WHERE (m.project_id IS NULL OR ? = 1 OR m.project_id IN (
      SELECT p.id FROM projects p JOIN tenant_members tm ON tm.tenant_id = p.tenant_id AND tm.user_id = ?
      WHERE tm.role = 'admin' OR EXISTS (SELECT 1 FROM project_members pm WHERE pm.project_id = p.id AND pm.user_id = ?)))
    AND (? IS NULL OR CONCAT(m.repository, '/', m.model) REGEXP ?)
  GROUP BY m.repository, m.model ORDER BY m.repository, m.model LIMIT ?`;

export async function getGlobalIndex(actor: Actor, search: string | null): Promise<Response> {
  const pattern = searchPattern(search);
  const [rows] = await getPool().query<RowDataPacket[]>(VISIBLE_MODELS, [
    actor.systemRole === "sysadmin" ? 1 : 0,
    actor.id,
    actor.id,
    pattern,
    pattern,
    MAX_MODELS,
  ]);
  return Response.json({
    schemaVersion: 0,
    mediaType: INDEX_MEDIA_TYPE,
    manifests: rows.map((r) => ({ name: `${r.repository}/${r.model}`, mediaType: INDEX_MEDIA_TYPE })),
  });
}
