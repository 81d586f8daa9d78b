import type { ProbeRow } from "@/lib/db/schema";
import type { ProbeDto } from "./schemas";
import type { Uptime } from "./uptime";

export function probeDto(row: ProbeRow, uptime?: Uptime): ProbeDto {
  return {
    name: row.name,
    kind: row.kind,
    target: row.target,
    intervalSeconds: row.intervalSeconds,
    timeoutSeconds: row.timeoutSeconds,
    checks: row.checks,
    enabled: row.enabled,
    state: !row.enabled || row.lastSuccess === null ? "unknown" : row.lastSuccess ? "up" : "down",
    lastRunAt: row.lastRunMs ? new Date(row.lastRunMs).toISOString() : null,
    lastLatencyMs: row.lastDurationMs ?? null,
    lastStatusCode: row.lastStatusCode || null,
    lastError: row.lastError ?? null,
    uptime24h: uptime?.uptime24h ?? null,
    uptime7d: uptime?.uptime7d ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
