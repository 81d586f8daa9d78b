import "server-only";
import { environmentCluster } from "@/lib/clusters/environment-cluster";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getProbeInEnvironmentOrThrow } from "./find-probe";
import { validProbeObject } from "./render-probe-object";

/** The Probe object Facet applies for this probe on clusters with Prometheus-Operator. */
export const getProbeObject = verb(
  "probes.object",
  "probes.read",
  async ({ ctx, input }: VerbArgs<{ name: string }, EnvironmentCtx>) => {
    const row = await getProbeInEnvironmentOrThrow(ctx, input.name);
    const { namespace } = await environmentCluster(ctx);
    return validProbeObject(row, namespace);
  },
);
