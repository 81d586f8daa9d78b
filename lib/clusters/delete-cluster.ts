import "server-only";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { clusters, environments } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { clusterOrThrow } from "./find-cluster";

export const deleteCluster = verb(
  "clusters.delete",
  "clusters.delete",
  async ({ ctx, input }: VerbArgs<{ cluster: string }>) =>
    inTransaction(async (tx) => {
      const row = await clusterOrThrow(input.cluster, tx);
      const used = await tx
        .select({ namespace: environments.namespace })
        .from(environments)
        .where(eq(environments.clusterId, row.id));
      if (used.length) {
        throw new AppError(
          "CONFLICT",
          `Cluster '${row.name}' still hosts ${used.length} environment(s): ${used.map((u) => u.namespace).join(", ")}.`,
          {
            details: { children: { namespaces: used.map((u) => u.namespace) } },
          },
        );
      }
      await tx.delete(clusters).where(eq(clusters.id, row.id));
      await writeAudit(tx, ctx, {
        action: "clusters.delete",
        target: `cluster/${row.name}`,
        before: { name: row.name, server: row.server },
      });
    }),
);
