import "server-only";
import { asc, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { seal } from "@/lib/crypto/secret-box";
import { getDb } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { clusters, environments, projects, tenants } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { uniqueOrConflict } from "@/lib/tenancy/rows";
import { assertEgressAllowed } from "@/lib/net/egress";
import { boundedKubeConfig, makeClient } from "./client";
import { clusterDto } from "./dto";
import { clusterOrThrow } from "./find-cluster";
import { parseKubeconfig } from "./kubeconfig";
import { probeCluster, probeStoredCluster } from "./probe";
import { recordStatus } from "./record-status";
import type { ImportClusterInput } from "./schemas";

export const listClusters = verb("clusters.list", "clusters.read", async () => {
  const rows = await getDb().select().from(clusters).orderBy(asc(clusters.name));
  return { items: rows.map(clusterDto), nextCursor: null };
});

/** The detail page checks the cluster live (bounded), then answers with what it saw. */
export const getCluster = verb("clusters.get", "clusters.read", async ({ input }: VerbArgs<{ cluster: string }>) => {
  const row = await clusterOrThrow(input.cluster);
  await recordStatus(getDb(), row.id, await probeStoredCluster(row));
  const [fresh] = await getDb().select().from(clusters).where(eq(clusters.id, row.id));
  const envs = await getDb()
    .select({ tenant: tenants.name, project: projects.name, environment: environments.name, namespace: environments.namespace, sync: environments.syncStatus })
    .from(environments)
    .innerJoin(projects, eq(projects.id, environments.projectId))
    .innerJoin(tenants, eq(tenants.id, environments.tenantId))
    .where(eq(environments.clusterId, row.id))
    .orderBy(asc(environments.namespace));
  return { ...clusterDto(fresh), environments: envs };
});

/** Imports a cluster only once it answered: reachable, its version known, and allowed to manage namespaces. */
export const importCluster = verb("clusters.create", "clusters.create", async ({ ctx, input }: VerbArgs<ImportClusterInput>) => {
  const { options, server, sanitized } = parseKubeconfig(input.kubeconfig);
  const egress = { allowPrivate: input.allowPrivateAddresses };
  await assertEgressAllowed(server, { ...egress, path: "body.kubeconfig" });
  const status = await probeCluster(makeClient(input.name, boundedKubeConfig(options, egress)));
  if (!status.reachable) throw new AppError("UPSTREAM", `Cluster '${input.name}' at ${server} could not be used: ${status.error}`, { upstream: { name: input.name, retryable: true } });
  if (!status.canManageNamespaces) {
    throw new AppError("VALIDATION", `The credentials reach ${server} but may not create namespaces there; Facet needs that to apply environments.`, {
      errors: [{ path: "body.kubeconfig", message: "These credentials may not create namespaces." }],
    });
  }
  return inTransaction(async (tx) => {
    const [{ id }] = await uniqueOrConflict(
      tx.insert(clusters).values({ name: input.name, description: input.description, kind: "imported", server, kubeconfig: seal(sanitized), egressPrivateAllowed: input.allowPrivateAddresses }).$returningId(),
      `A cluster named '${input.name}' already exists.`,
    );
    await recordStatus(tx, id, status);
    await writeAudit(tx, ctx, { action: "clusters.create", target: `cluster/${input.name}`, after: { name: input.name, server, version: status.serverVersion, kubeconfig: "[sealed]", allowPrivateAddresses: input.allowPrivateAddresses } });
    const [row] = await tx.select().from(clusters).where(eq(clusters.id, id));
    return clusterDto(row);
  });
});

export const deleteCluster = verb("clusters.delete", "clusters.delete", async ({ ctx, input }: VerbArgs<{ cluster: string }>) =>
  inTransaction(async (tx) => {
    const row = await clusterOrThrow(input.cluster, tx);
    const used = await tx.select({ namespace: environments.namespace }).from(environments).where(eq(environments.clusterId, row.id));
    if (used.length) {
      throw new AppError("CONFLICT", `Cluster '${row.name}' still hosts ${used.length} environment(s): ${used.map((u) => u.namespace).join(", ")}.`, {
        details: { children: { namespaces: used.map((u) => u.namespace) } },
      });
    }
    await tx.delete(clusters).where(eq(clusters.id, row.id));
    await writeAudit(tx, ctx, { action: "clusters.delete", target: `cluster/${row.name}`, before: { name: row.name, server: row.server } });
  }),
);
