import "server-only";
import type { RowDataPacket } from "mysql2";
import { getPool } from "@/lib/db/client";
import { sqlText } from "@/lib/db/sql-text";
import type { ProbeChecks } from "../schemas";
import { nextAfter } from "../schedule";
import type { ProbeJob } from "./probe-once";

const jobOf = (r: RowDataPacket): ProbeJob => {
  const checks = (typeof r.checks === "string" ? JSON.parse(r.checks) : r.checks) as ProbeChecks;
  return {
    id: Number(r.id),
    environmentId: Number(r.environment_id),
    name: r.name,
    kind: r.kind,
    target: r.target,
    intervalSeconds: Number(r.interval_seconds),
    timeoutSeconds: Number(r.timeout_seconds),
    checks,
    certExpiryWarningDays: checks.certExpiryWarningDays,
    dueMs: Number(r.next_run_ms),
    clusterId: Number(r.cluster_id),
    namespace: r.namespace,
    allowPrivate: Boolean(r.allow_private),
  };
};

const SELECT = sqlText`SELECT p.id, p.environment_id, p.name, p.kind, p.target, p.interval_seconds, p.timeout_seconds,
                       p.checks, p.next_run_ms, e.cluster_id, e.namespace, c.egress_private_allowed AS allow_private
                  FROM probes p
                  JOIN environments e ON e.id = p.environment_id
                  JOIN clusters c ON c.id = e.cluster_id`;

/**
 * The probes due by `nowMs`, with their next run moved one interval on (on the same phase) in
 * the same statement batch, so a restart resumes the pace instead of running everything at once.
 * Only the leader calls this.
 */
export async function claimDue(nowMs: number, limit: number): Promise<ProbeJob[]> {
  const pool = getPool();
  const [rows] = await pool.query<RowDataPacket[]>(
    sqlText`${SELECT} WHERE p.enabled = 1 AND p.next_run_ms <= ? ORDER BY p.next_run_ms LIMIT ?`.text,
    [nowMs, limit],
  );
  if (!rows.length) return [];
  const jobs = rows.map(jobOf);
  // One statement for the whole batch: the rows arrive as one JSON value.
  await pool.query(
    `UPDATE probes p
       JOIN JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$[0]', next_ms BIGINT UNSIGNED PATH '$[1]')) v ON p.id = v.id
        SET p.next_run_ms = v.next_ms, p.updated_at = p.updated_at`,
    [JSON.stringify(jobs.map((j) => [j.id, nextAfter(j.dueMs, j.intervalSeconds * 1000, nowMs)]))],
  );
  return jobs;
}

/** Every enabled probe, for the exporter's modules file. */
export async function allEnabledJobs(): Promise<ProbeJob[]> {
  const [rows] = await getPool().query<RowDataPacket[]>(sqlText`${SELECT} WHERE p.enabled = 1 ORDER BY p.id`.text);
  return rows.map(jobOf);
}
