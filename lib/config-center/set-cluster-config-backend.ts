import "server-only";
import { eq, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { clusterOrThrow } from "@/lib/clusters/find-cluster";
import { seal } from "@/lib/crypto/secret-box";
import { configBackends } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import { parseWith } from "@/lib/http/operation";
import { verb, type VerbArgs } from "@/lib/http/verb";
import { ClusterConfigBackendInput } from "./schemas";

/**
 * Points a cluster's environments at an external Nacos (or back at Facet's store). Cluster
 * settings are the sysadmin's, hence `clusters.create`; the password is sealed at rest.
 * Configs are not copied between stores.
 */
export const setClusterConfigBackend = verb("configs.backend.set", "clusters.create", async ({ ctx, input }: VerbArgs<ClusterConfigBackendInput>) => {
  const { cluster, nacos } = parseWith(ClusterConfigBackendInput, input, "body");
  const row = await clusterOrThrow(cluster);
  await inTransaction(async (tx) => {
    if (!nacos) {
      await tx.delete(configBackends).where(eq(configBackends.clusterId, row.id));
    } else {
      const values = {
        serverAddr: nacos.serverAddr,
        contextPath: nacos.contextPath,
        username: nacos.username || null,
        password: nacos.password ? seal(nacos.password) : null,
      };
      await tx
        .insert(configBackends)
        .values({ clusterId: row.id, kind: "nacos", ...values })
        .onDuplicateKeyUpdate({ set: { ...values, version: sql`${configBackends.version} + 1` } });
    }
    const after = nacos ? { kind: "nacos", serverAddr: nacos.serverAddr, contextPath: nacos.contextPath, username: nacos.username ?? null } : { kind: "embedded" };
    await writeAudit(tx, ctx, { action: "configs.backend.set", target: `cluster/${cluster}`, after });
  });
  return { cluster, backend: nacos ? "nacos" : "embedded", serverAddr: nacos?.serverAddr ?? null };
});
