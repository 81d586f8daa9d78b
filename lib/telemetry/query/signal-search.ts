import "server-only";
import type { AuthedContext } from "@/lib/core/context";
import { backendFor } from "../backends/backend-for";
import { searchJaeger } from "../backends/jaeger";
import { searchLoki } from "../backends/loki";
import type { LogSearchQuery, TraceSearchQuery } from "../schemas";
import { searchLogsEmbedded } from "./embedded-logs";
import { searchTracesEmbedded } from "./embedded-traces";
import { environmentTarget, systemTarget, type Target } from "./target";

// The telemetry reads. Environment verbs run in environmentScope (telemetry.read there) and
// use the cluster's external backend for the signal when one is configured; system verbs
// read Facet's own namespace (telemetry.system.read).

const where = (ctx: AuthedContext, system: boolean): Promise<Target> =>
  system ? systemTarget() : environmentTarget(ctx);

export async function traces(ctx: AuthedContext, q: TraceSearchQuery, system: boolean) {
  const target = await where(ctx, system);
  const jaeger = system ? null : await backendFor(target.clusterId, "jaeger");
  return jaeger ? searchJaeger(jaeger, target, q) : searchTracesEmbedded(target, q);
}

export async function logs(ctx: AuthedContext, q: LogSearchQuery, system: boolean) {
  const target = await where(ctx, system);
  const loki = system ? null : await backendFor(target.clusterId, "loki");
  return loki ? searchLoki(loki, target, q) : searchLogsEmbedded(target, q);
}
