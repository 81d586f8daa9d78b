import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { verb, type VerbArgs } from "@/lib/http/verb";
import { issueSandboxToken, renderKubeconfig } from "@/lib/sandbox/credentials";
import { clusterOrThrow } from "./find-cluster";

const TTL_SECONDS = 30 * 24 * 3600;

/** A fresh sandbox token in a kubeconfig for kubectl, addressed to the origin the browser used. */
export const downloadSandboxKubeconfig = verb("clusters.kubeconfig", "clusters.kubeconfig.read", async ({ ctx, input }: VerbArgs<{ cluster: string; origin: string }>) => {
  const cluster = await clusterOrThrow(input.cluster);
  if (cluster.kind !== "sandbox") throw new AppError("NOT_FOUND", "Kubeconfigs are only issued for the sandbox cluster; imported clusters keep their own.");
  const issued = await issueSandboxToken({ name: `kubeconfig for ${ctx.actor.username}`, ttlSeconds: TTL_SECONDS });
  await writeAudit(getDb(), ctx, { action: "clusters.kubeconfig", target: `cluster/${cluster.name}`, after: { tokenId: issued.id, expiresAt: issued.expiresAt } });
  return renderKubeconfig({ origin: input.origin, token: issued.token, clusterName: `facet-${cluster.name}` });
});
