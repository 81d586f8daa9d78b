import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { clusters, environments, projects, tenants } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { clusterDto } from "./dto";
import { clusterOrThrow } from "./find-cluster";
import { probeStoredCluster } from "./probe";
import { recordStatus } from "./record-status";

/** The detail page checks the cluster live (bounded), then answers with what it saw. */
export const getCluster = verb("clusters.get", "clusters.read", async ({ input }: VerbArgs<{ cluster: string }>) => {
  const row = await clusterOrThrow(input.cluster);
  await recordStatus(getDb(), row.id, await probeStoredCluster(row));
  const [fresh] = await getDb().select().from(clusters).where(eq(clusters.id, row.id));
  const envs = await getDb()
    .select({
      tenant: tenants.name,
      project: projects.name,
      environment: environments.name,
      namespace: environments.namespace,
      sync: environments.syncStatus,
    })
    .from(environments)
    .innerJoin(projects, eq(projects.id, environments.projectId))
    .innerJoin(tenants, eq(tenants.id, environments.tenantId))
    .where(eq(environments.clusterId, row.id))
    .orderBy(asc(environments.namespace));
  return { ...clusterDto(fresh), environments: envs };
});
