import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { backendFor } from "../backends/backend-for";
import { queryPrometheus } from "../backends/prometheus";
import type { MetricQuery } from "../schemas";
import { queryMetricsEmbedded } from "./embedded-metrics";
import { environmentTarget } from "./target";

export const queryMetrics = verb(
  "telemetry.metrics.query",
  "telemetry.read",
  async ({ ctx, input }: VerbArgs<MetricQuery>) => {
    const target = await environmentTarget(ctx);
    const prom = await backendFor(target.clusterId, "prometheus");
    return prom ? queryPrometheus(prom, target, input) : queryMetricsEmbedded(target, input);
  },
);
