import "server-only";
import { and, desc, eq, isNull, like } from "drizzle-orm";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import { auditLogs } from "@/lib/db/schema";
import { queryMetrics } from "@/lib/telemetry/query/query-metrics";
import type { MetricQuery } from "@/lib/telemetry/schemas";
import { FLOW_LINES_METRIC } from "./constants";
import type { LastChange, RatePoint } from "./schemas";
import type { LoggingTarget } from "./target";

/** The latest audit row per object target under the target's prefix (one query for a list). */
export async function lastChanges(t: LoggingTarget): Promise<Map<string, LastChange>> {
  const rows = await getDb()
    .select({ target: auditLogs.target, actor: auditLogs.actor, action: auditLogs.action, at: auditLogs.at })
    .from(auditLogs)
    .where(
      and(
        t.tenantId === null ? isNull(auditLogs.tenantId) : eq(auditLogs.tenantId, t.tenantId),
        like(auditLogs.target, `${t.auditPrefix.replace(/[\\%_]/g, "\\$&")}/%`),
        eq(auditLogs.result, "success"),
      ),
    )
    .orderBy(desc(auditLogs.id))
    .limit(2000);
  const out = new Map<string, LastChange>();
  for (const r of rows)
    if (!out.has(r.target)) out.set(r.target, { by: r.actor, at: r.at.toISOString(), action: r.action });
  return out;
}

/**
 * Lines per second each Flow collected over the last hour, from the counter the operator (or
 * the sandbox's simulation) records per flow. No telemetry yet is an empty series, not an error.
 */
export async function flowRates(ctx: EnvironmentCtx): Promise<Map<string, RatePoint[]>> {
  const result = await queryMetrics({
    ctx,
    input: { metric: FLOW_LINES_METRIC, agg: "rate", limit: 200 } as MetricQuery,
  });
  const sums = new Map<string, Map<number, number>>();
  for (const series of result.series) {
    const flow = series.labels.flow;
    // ClusterFlows count in the same metric under kind=ClusterFlow.
    if (!flow || (series.labels.kind && series.labels.kind !== "Flow")) continue;
    const byTime = sums.get(flow) ?? new Map<number, number>();
    for (const [t, v] of series.points) byTime.set(t, (byTime.get(t) ?? 0) + (v ?? 0));
    sums.set(flow, byTime);
  }
  return new Map(
    [...sums].map(([flow, byTime]) => [
      flow,
      [...byTime].sort((a, b) => a[0] - b[0]).map(([t, v]) => ({ t: new Date(t).toISOString(), v })),
    ]),
  );
}
