import "server-only";
import { clusterClient, type ClusterClient } from "@/lib/clusters/client";
import { environmentCluster } from "@/lib/clusters/environment-cluster";
import { clusterOrThrow } from "@/lib/clusters/find-cluster";
import type { AuthedContext } from "@/lib/core/context";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import type { ClusterRow } from "@/lib/db/schema";
import { CLUSTER_KINDS, CONTROL_NAMESPACE, ENVIRONMENT_KINDS, type LoggingKind } from "./constants";

/** Where logging objects of one request live: a cluster, a namespace, and whose they are. */
export interface LoggingTarget {
  client: ClusterClient;
  cluster: ClusterRow;
  namespace: string;
  /** Kinds this target holds: Flow/Output for an environment, ClusterFlow/ClusterOutput for a cluster. */
  kinds: readonly LoggingKind[];
  tenantId: number | null;
  environmentId: number | null;
  /** Prefix of audit targets, e.g. `cluster/sandbox/namespace/t-shop-dev`. */
  auditPrefix: string;
}

export async function environmentLoggingTarget(ctx: EnvironmentCtx): Promise<LoggingTarget> {
  const { client, cluster, namespace } = await environmentCluster(ctx);
  return {
    client,
    cluster,
    namespace,
    kinds: ENVIRONMENT_KINDS,
    tenantId: ctx.scope.tenant.id,
    environmentId: ctx.scope.environment.id,
    auditPrefix: `cluster/${cluster.name}/namespace/${namespace}`,
  };
}

export async function clusterLoggingTarget(_ctx: AuthedContext, name: string): Promise<LoggingTarget> {
  const cluster = await clusterOrThrow(name);
  return controlTarget(cluster);
}

/** The control namespace of a cluster, where ClusterFlows and ClusterOutputs live. */
export function controlTarget(cluster: ClusterRow): LoggingTarget {
  return {
    client: clusterClient(cluster),
    cluster,
    namespace: CONTROL_NAMESPACE,
    kinds: CLUSTER_KINDS,
    tenantId: null,
    environmentId: null,
    auditPrefix: `cluster/${cluster.name}/namespace/${CONTROL_NAMESPACE}`,
  };
}

export const auditTarget = (t: LoggingTarget, kind: LoggingKind, name: string) =>
  `${t.auditPrefix}/${kind.toLowerCase()}s/${name}`;

export { facetPushUrl } from "@/lib/clusters/internal-url";
