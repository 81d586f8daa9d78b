import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { revoke, clusterOwner } from "./ingest-token-store";

export const revokeClusterIngestToken = verb(
  "clusters.ingest-tokens.revoke",
  "clusters.ingest-tokens.create",
  async ({ ctx, input }: VerbArgs<{ cluster: string; id: number }>) =>
    revoke(ctx, await clusterOwner(input.cluster), input.id, "clusters.ingest-tokens.revoke"),
);
