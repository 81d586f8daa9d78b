import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { ingestTokens } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { list, clusterOwner } from "./ingest-token-store";

export const listClusterIngestTokens = verb(
  "clusters.ingest-tokens.list",
  "clusters.ingest-tokens.read",
  async ({ input }: VerbArgs<{ cluster: string }>) => {
    const owner = await clusterOwner(input.cluster);
    return list(
      and(eq(ingestTokens.clusterId, owner.clusterId), isNull(ingestTokens.environmentId)) as ReturnType<typeof eq>,
      owner.cluster,
    );
  },
);
