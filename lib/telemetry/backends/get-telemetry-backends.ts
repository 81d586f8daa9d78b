import "server-only";
import { eq } from "drizzle-orm";
import { clusterOrThrow } from "@/lib/clusters/find-cluster";
import { getDb } from "@/lib/db/client";
import { telemetryBackends } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { dto } from "./backend-for";

export const getTelemetryBackends = verb(
  "telemetry.backends.get",
  "clusters.read",
  async ({ input }: VerbArgs<{ cluster: string }>) => {
    const c = await clusterOrThrow(input.cluster);
    return dto(c.name, await getDb().select().from(telemetryBackends).where(eq(telemetryBackends.clusterId, c.id)));
  },
);
