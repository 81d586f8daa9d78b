import "server-only";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { seal } from "@/lib/crypto/secret-box";
import { inTransaction } from "@/lib/db/transaction";
import { clusters } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { uniqueOrConflict } from "@/lib/db/rows";
import { assertEgressAllowed } from "@/lib/net/egress";
import { boundedKubeConfig, makeClient } from "./client";
import { clusterDto } from "./dto";
import { parseKubeconfig } from "./kubeconfig";
import { probeCluster } from "./probe";
import { recordStatus } from "./record-status";
import type { ImportClusterInput } from "./schemas";

/** Imports a cluster only once it answered: reachable, its version known, and allowed to manage namespaces. */
export const importCluster = verb(
  "clusters.create",
  "clusters.create",
  async ({ ctx, input }: VerbArgs<ImportClusterInput>) => {
    const { options, server, sanitized } = parseKubeconfig(input.kubeconfig);
    const egress = { allowPrivate: input.allowPrivateAddresses };
    await assertEgressAllowed(server, { ...egress, path: "body.kubeconfig" });
    const status = await probeCluster(makeClient(input.name, boundedKubeConfig(options, egress)));
    if (!status.reachable)
      throw new AppError("UPSTREAM", `Cluster '${input.name}' at ${server} could not be used: ${status.error}`, {
        upstream: { name: input.name, retryable: true },
      });
    if (!status.canManageNamespaces) {
      throw new AppError(
        "VALIDATION",
        `The credentials reach ${server} but may not create namespaces there; Facet needs that to apply environments.`,
        {
          errors: [{ path: "body.kubeconfig", message: "These credentials may not create namespaces." }],
        },
      );
    }
    return inTransaction(async (tx) => {
      const [{ id }] = await uniqueOrConflict(
        tx
          .insert(clusters)
          .values({
            name: input.name,
            description: input.description,
            kind: "imported",
            server,
            kubeconfig: seal(sanitized),
            egressPrivateAllowed: input.allowPrivateAddresses,
          })
          .$returningId(),
        `A cluster named '${input.name}' already exists.`,
      );
      await recordStatus(tx, id, status);
      await writeAudit(tx, ctx, {
        action: "clusters.create",
        target: `cluster/${input.name}`,
        after: {
          name: input.name,
          server,
          version: status.serverVersion,
          kubeconfig: "[sealed]",
          allowPrivateAddresses: input.allowPrivateAddresses,
        },
      });
      const [row] = await tx.select().from(clusters).where(eq(clusters.id, id));
      return clusterDto(row);
    });
  },
);
