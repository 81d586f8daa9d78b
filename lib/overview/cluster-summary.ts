import "server-only";
import type { AuthedContext } from "@/lib/core/context";
import type { ClusterRow } from "@/lib/db/schema";
import { listNodes } from "@/lib/usage";
import type { Compute } from "@/lib/usage/schemas";
import { failureText, withinTime } from "./bounded-call";
import { OVERVIEW_BOUNDS } from "./bounds";
import type { ClusterSummary } from "./schemas";

const add = (a: Compute, b: Compute | null): Compute => ({
  cpuMilli: (a.cpuMilli ?? 0) + (b?.cpuMilli ?? 0),
  memoryBytes: (a.memoryBytes ?? 0) + (b?.memoryBytes ?? 0),
});
const ZERO: Compute = { cpuMilli: 0, memoryBytes: 0 };

/** One cluster's nodes folded into totals; an unreachable or slow cluster becomes a row with its error. */
export async function summarizeCluster(ctx: AuthedContext, row: ClusterRow): Promise<ClusterSummary> {
  const base = { name: row.name, version: row.serverVersion ?? null };
  try {
    const { nodes, metricsAvailable } = await withinTime(
      OVERVIEW_BOUNDS.clusterTimeoutMs(),
      `Cluster '${row.name}'`,
      () => listNodes({ ctx, input: { cluster: row.name } }),
    );
    return {
      ...base,
      reachable: true,
      error: null,
      version: row.serverVersion ?? nodes.find((n) => n.kubeletVersion)?.kubeletVersion ?? null,
      nodes: nodes.length,
      readyNodes: nodes.filter((n) => n.ready).length,
      metricsAvailable,
      capacity: nodes.reduce((sum, n) => add(sum, n.allocatable), ZERO),
      allocated: nodes.reduce((sum, n) => add(sum, n.requests), ZERO),
      used: metricsAvailable ? nodes.reduce((sum, n) => add(sum, n.usage), ZERO) : null,
    };
  } catch (error) {
    return {
      ...base,
      reachable: false,
      error: failureText(error),
      nodes: null,
      readyNodes: null,
      metricsAvailable: false,
      capacity: null,
      allocated: null,
      used: null,
    };
  }
}
