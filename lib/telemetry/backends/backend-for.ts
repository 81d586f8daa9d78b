import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { clusters, telemetryBackends, type TelemetryBackendKind, type TelemetryBackendRow } from "@/lib/db/schema";
import type { TelemetryBackendsDto } from "../schemas";

export const dto = (cluster: string, rows: TelemetryBackendRow[]): TelemetryBackendsDto => ({
  cluster,
  backends: rows.map((r) => ({
    kind: r.kind,
    url: r.url,
    username: r.username,
    hasSecret: Boolean(r.secret),
    orgId: r.orgId,
    namespaceLabel: r.namespaceLabel,
  })),
});

/** The external store serving one signal for a cluster, if any (else Facet's own), with the
 *  cluster's egress allowance for private addresses. */
export async function backendFor(
  clusterId: number,
  kind: TelemetryBackendKind,
): Promise<(TelemetryBackendRow & { allowPrivate: boolean }) | null> {
  const [row] = await getDb()
    .select({ backend: telemetryBackends, allowPrivate: clusters.egressPrivateAllowed })
    .from(telemetryBackends)
    .innerJoin(clusters, eq(clusters.id, telemetryBackends.clusterId))
    .where(and(eq(telemetryBackends.clusterId, clusterId), eq(telemetryBackends.kind, kind)))
    .limit(1);
  return row ? { ...row.backend, allowPrivate: row.allowPrivate } : null;
}
