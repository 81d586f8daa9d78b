import "server-only";
import { processSingleton } from "@/lib/cache";
import { upsertRollups, type Rollup } from "../ingest/rollup";
import { TableQueue, type Column } from "./write-queue";

const cols = (names: string, hex: string[] = []): Column[] =>
  names.split(/,\s*/).map((name) => ({ name, hex: hex.includes(name) }));

// Column order of the load-file lines built in lib/telemetry/ingest.
export const SPAN_COLUMNS = cols(
  "trace_id, span_id, parent_span_id, ns_id, resource_id, service, name, kind, start_us, duration_us, status_code, status_message, pod, http_route, http_status, user_id, attributes, events, links",
  ["trace_id", "span_id", "parent_span_id"],
);
export const LOG_COLUMNS = cols(
  "id, time_us, ns_id, resource_id, service, pod, severity_number, severity_text, body, trace_id, span_id, attributes",
  ["id", "trace_id", "span_id"],
);
export const POINT_COLUMNS = cols("series_id, time_ms, value, count, buckets");

const env = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

function build() {
  const writers = env("FACET_TELEMETRY_WRITERS", 2);
  return {
    spans: new TableQueue<Rollup>({
      table: "telemetry_spans",
      columns: SPAN_COLUMNS,
      duplicates: "ignore",
      batchRows: 10_000,
      maxHeldRows: env("FACET_TELEMETRY_QUEUE_SPANS", 60_000),
      writers,
      afterLoad: upsertRollups,
    }),
    logs: new TableQueue({
      table: "telemetry_logs",
      columns: LOG_COLUMNS,
      duplicates: "ignore",
      batchRows: 10_000,
      maxHeldRows: env("FACET_TELEMETRY_QUEUE_LOGS", 100_000),
      writers,
    }),
    // A repeated point (same series and time) replaces the earlier one.
    points: new TableQueue({
      table: "telemetry_metric_points",
      columns: POINT_COLUMNS,
      duplicates: "replace",
      batchRows: 5000,
      maxHeldRows: env("FACET_TELEMETRY_QUEUE_POINTS", 60_000),
      writers: 1,
    }),
  };
}

export type Queues = ReturnType<typeof build>;

// One set per process, kept across dev reloads.
export function queues(): Queues {
  return processSingleton("telemetry-queues", build);
}

/** Waits until every accepted row is committed (benches, tests, shutdown). */
export async function drainQueues(): Promise<void> {
  const q = queues();
  await Promise.all([q.spans.drain(), q.logs.drain(), q.points.drain()]);
}
