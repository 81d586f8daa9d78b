import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { backendFor } from "../backends/backend-for";
import { prometheusLabels } from "../backends/prometheus";
import { metricLabelsEmbedded } from "./embedded-metrics";
import { environmentTarget } from "./target";

export const listMetricLabels = verb(
  "telemetry.metrics.labels",
  "telemetry.read",
  async ({ ctx, input }: VerbArgs<{ metric: string }>) => {
    const target = await environmentTarget(ctx);
    const prom = await backendFor(target.clusterId, "prometheus");
    return prom ? prometheusLabels(prom, target, input.metric) : metricLabelsEmbedded(target, input.metric);
  },
);
