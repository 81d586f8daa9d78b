import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { backendFor } from "../backends/backend-for";
import { prometheusNames } from "../backends/prometheus";
import { metricNamesEmbedded } from "./embedded-metrics";
import { environmentTarget } from "./target";

export const listMetricNames = verb(
  "telemetry.metrics.names",
  "telemetry.read",
  async ({ ctx }: VerbArgs<undefined>) => {
    const target = await environmentTarget(ctx);
    const prom = await backendFor(target.clusterId, "prometheus");
    return prom ? prometheusNames(prom, target) : metricNamesEmbedded(target);
  },
);
