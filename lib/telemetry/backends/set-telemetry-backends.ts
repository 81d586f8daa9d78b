import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { clusterOrThrow } from "@/lib/clusters/find-cluster";
import { seal } from "@/lib/crypto/secret-box";
import { telemetryBackends, TELEMETRY_BACKEND_KINDS } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { assertEgressAllowed } from "@/lib/net/egress";
import type { TelemetryBackendsInput } from "../schemas";
import { dto } from "./backend-for";

/**
 * Points a cluster's environments at Prometheus, Loki or Jaeger (null: back to Facet's store).
 * Cluster settings are the sysadmin's, hence clusters.create; secrets are sealed at rest.
 */
export const setTelemetryBackends = verb(
  "telemetry.backends.set",
  "clusters.create",
  async ({ ctx, input }: VerbArgs<TelemetryBackendsInput & { cluster: string }>) => {
    const c = await clusterOrThrow(input.cluster);
    // Checked before saving (422 naming the field) and again on every connection (lib/net/egress).
    for (const kind of TELEMETRY_BACKEND_KINDS) {
      const url = input[kind]?.url;
      if (url) await assertEgressAllowed(url, { allowPrivate: c.egressPrivateAllowed, path: `body.${kind}.url` });
    }
    return inTransaction(async (tx) => {
      for (const kind of TELEMETRY_BACKEND_KINDS) {
        const b = input[kind];
        if (b === undefined) continue;
        if (b === null) {
          await tx
            .delete(telemetryBackends)
            .where(and(eq(telemetryBackends.clusterId, c.id), eq(telemetryBackends.kind, kind)));
          continue;
        }
        // A secret left out keeps the stored one (a form that edits only the URL loses nothing).
        const secret = b.secret === undefined ? {} : { secret: b.secret ? seal(b.secret) : null };
        const values = {
          url: b.url,
          username: b.username || null,
          ...secret,
          orgId: b.orgId || null,
          namespaceLabel: b.namespaceLabel,
        };
        await tx
          .insert(telemetryBackends)
          .values({ clusterId: c.id, kind, ...values })
          .onDuplicateKeyUpdate({ set: { ...values, version: sql`${telemetryBackends.version} + 1` } });
      }
      const rows = await tx.select().from(telemetryBackends).where(eq(telemetryBackends.clusterId, c.id));
      await writeAudit(tx, ctx, {
        action: "telemetry.backends.set",
        target: `cluster/${c.name}`,
        after: dto(c.name, rows),
      });
      return dto(c.name, rows);
    });
  },
);
