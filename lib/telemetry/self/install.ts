import "server-only";
import { BatchSpanProcessor, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { setLogTap } from "@/lib/observability/logger";
import { startRetention } from "../store/retention";
import { captureLogLine, SystemSpanExporter } from "./system-store";

/** Sends Facet's own spans and log lines to its telemetry store (facet-system namespace). */
export function selfTelemetryProcessor(): SpanProcessor {
  setLogTap(captureLogLine);
  // The purge runs in every server process, whether or not anything is exported to it.
  startRetention();
  return new BatchSpanProcessor(new SystemSpanExporter(), { scheduledDelayMillis: 2000, maxQueueSize: 4096 });
}
