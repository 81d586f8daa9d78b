import "server-only";
import { clusterOrThrow } from "@/lib/clusters/find-cluster";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { storedConfigBackend } from "./backend/stored-backend";
import { configBackendDto } from "./dto";

/** Which store serves a cluster's configs; cluster settings are the sysadmin's to read. */
export const getClusterConfigBackend = verb(
  "configs.backend.get",
  "clusters.read",
  async ({ input }: VerbArgs<{ cluster: string }>) => {
    const cluster = await clusterOrThrow(input.cluster);
    return configBackendDto(await storedConfigBackend(cluster.id));
  },
);
