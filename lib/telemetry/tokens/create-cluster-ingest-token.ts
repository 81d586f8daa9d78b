import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { CreateIngestTokenInput } from "../schemas";
import { create, clusterOwner } from "./ingest-token-store";

export const createClusterIngestToken = verb(
  "clusters.ingest-tokens.create",
  "clusters.ingest-tokens.create",
  async ({ ctx, input }: VerbArgs<CreateIngestTokenInput & { cluster: string }>) =>
    create(ctx, await clusterOwner(input.cluster), input, "clusters.ingest-tokens.create"),
);
