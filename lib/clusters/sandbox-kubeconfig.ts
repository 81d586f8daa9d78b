import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { issueSandboxToken, renderKubeconfig } from "@/lib/sandbox/credentials";
import { clusterOrThrow } from "./find-cluster";

const TTL_SECONDS = 30 * 24 * 3600;

/** A fresh sandbox token in a kubeconfig for kubectl, addressed to the origin the browser used.
 *  The token belongs to the actor: listed and revocable under /api/v1/me/sandbox-credentials,
 *  refused once they are disabled or deleted. */
export const downloadSandboxKubeconfig = verb(
  "clusters.kubeconfig",
  "clusters.kubeconfig.read",
  async ({ ctx, input }: VerbArgs<{ cluster: string; origin: string }>) => {
    const cluster = await clusterOrThrow(input.cluster);
    if (cluster.kind !== "sandbox")
      throw new AppError(
        "NOT_FOUND",
        "Kubeconfigs are only issued for the sandbox cluster; imported clusters keep their own.",
      );
    const issued = await inTransaction(async (tx) => {
      const token = await issueSandboxToken(
        { name: `kubeconfig for ${ctx.actor.username}`, ttlSeconds: TTL_SECONDS, userId: ctx.actor.id },
        tx,
      );
      await writeAudit(tx, ctx, {
        action: "clusters.kubeconfig",
        target: `cluster/${cluster.name}`,
        after: { tokenId: token.id, expiresAt: token.expiresAt },
      });
      return token;
    });
    return renderKubeconfig({ origin: input.origin, token: issued.token, clusterName: `facet-${cluster.name}` });
  },
);
