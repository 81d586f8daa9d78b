import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { clusterOrThrow } from "../find-cluster";
import { loadNamespacePolicy } from "./load-namespace-policy";
import { namespacePolicyDto } from "./namespace-policy-dto";

export const getNamespacePolicy = verb(
  "clusters.namespace-policy.get",
  "clusters.read",
  async ({ input }: VerbArgs<{ cluster: string }>) => {
    const cluster = await clusterOrThrow(input.cluster);
    return namespacePolicyDto(cluster.name, await loadNamespacePolicy(cluster.id));
  },
);
