import "server-only";
import * as k8s from "@kubernetes/client-node";
import type { ClusterRow } from "@/lib/db/schema";
import { open } from "@/lib/crypto/secret-box";
import { AppError, isAppError } from "@/lib/errors";
import { EgressRefused, guardedLookup, refusalFor, type EgressOptions } from "@/lib/net/egress";
import { internalSandboxServer } from "./internal-url";
import { parseKubeconfig, type KubeconfigOptions } from "./kubeconfig";

const TIMEOUT_MS = Number(process.env.FACET_CLUSTER_TIMEOUT_MS ?? 8_000);

/** Every request of this KubeConfig is aborted after a bounded time, and connects only where
 *  the egress policy allows (null: Facet's own sandbox, whose address Facet chose itself). */
export class BoundedKubeConfig extends k8s.KubeConfig {
  timeoutMs = TIMEOUT_MS;
  egress: EgressOptions | null = {};
  override async applySecurityAuthentication(context: k8s.RequestContext): Promise<void> {
    await super.applySecurityAuthentication(context);
    context.setSignal(AbortSignal.timeout(this.timeoutMs) as never);
  }
}

type CreateAgent = (cluster: k8s.Cluster | null, agentOptions: Record<string, unknown>) => unknown;
const baseCreateAgent = (k8s.KubeConfig.prototype as unknown as { createAgent: CreateAgent }).createAgent;
// client-node builds every agent (requests, watches, exec) in its private createAgent: the one
// place to put the address check. IP literals skip DNS lookup, so they are judged here first.
(BoundedKubeConfig.prototype as unknown as { createAgent: CreateAgent }).createAgent = function (
  this: BoundedKubeConfig,
  cluster,
  agentOptions,
) {
  if (this.egress && cluster) {
    const host = new URL(cluster.server).hostname;
    const refusal = /^[\d.]+$|:/.test(host) ? refusalFor(host, this.egress) : null;
    if (refusal) throw new EgressRefused(host, refusal);
    agentOptions.lookup = guardedLookup(this.egress);
  }
  return baseCreateAgent.call(this, cluster, agentOptions);
};

/** A bounded KubeConfig from checked options (see parseKubeconfig). */
export function boundedKubeConfig(
  options: KubeconfigOptions,
  egress: EgressOptions | null,
  timeoutMs = TIMEOUT_MS,
): BoundedKubeConfig {
  const kc = new BoundedKubeConfig();
  kc.timeoutMs = timeoutMs;
  kc.egress = egress;
  kc.loadFromOptions(options);
  return kc;
}

export interface ClusterClient {
  name: string;
  kc: k8s.KubeConfig;
  core: k8s.CoreV1Api;
  apps: k8s.AppsV1Api;
  networking: k8s.NetworkingV1Api;
  extensions: k8s.ApiextensionsV1Api;
  custom: k8s.CustomObjectsApi;
  objects: k8s.KubernetesObjectApi;
  version: k8s.VersionApi;
  authorization: k8s.AuthorizationV1Api;
}

const cache = new Map<number, { stamp: number; client: ClusterClient }>();

function openKubeconfig(name: string, sealed: string): string {
  try {
    return open(sealed);
  } catch (error) {
    throw new AppError("UPSTREAM", `Cluster '${name}': ${(error as Error).message}.`, {
      upstream: { name, retryable: false },
      cause: error,
    });
  }
}

/** A KubeConfig from stored credentials only, never the server's own. The sandbox's server
 *  address is this process's own, which only the process knows. */
export function kubeConfigFor(
  cluster: Pick<ClusterRow, "name" | "kind" | "kubeconfig" | "egressPrivateAllowed">,
  timeoutMs = TIMEOUT_MS,
): k8s.KubeConfig {
  if (!cluster.kubeconfig)
    throw new AppError("UPSTREAM", `Cluster '${cluster.name}' has no credentials stored.`, {
      upstream: { name: cluster.name, retryable: false },
    });
  let options: KubeconfigOptions;
  try {
    // Stored configs pass the same check as new ones: a row written before a rule existed is refused too.
    options = parseKubeconfig(openKubeconfig(cluster.name, cluster.kubeconfig)).options;
  } catch (error) {
    if (!isAppError(error) || error.code !== "VALIDATION") throw error;
    throw new AppError(
      "UPSTREAM",
      `Cluster '${cluster.name}': the stored kubeconfig is no longer accepted (${error.options.errors?.[0]?.message ?? error.message}); import the cluster again.`,
      { upstream: { name: cluster.name, retryable: false } },
    );
  }
  if (cluster.kind !== "sandbox")
    return boundedKubeConfig(options, { allowPrivate: cluster.egressPrivateAllowed }, timeoutMs);
  const current = options.contexts.find((c) => c.name === options.currentContext)?.cluster;
  const clusters = options.clusters.map((c) =>
    c.name === current ? { ...c, server: internalSandboxServer(), skipTLSVerify: true } : c,
  );
  return boundedKubeConfig({ ...options, clusters }, null, timeoutMs);
}

export function makeClient(name: string, kc: k8s.KubeConfig): ClusterClient {
  return {
    name,
    kc,
    core: kc.makeApiClient(k8s.CoreV1Api),
    apps: kc.makeApiClient(k8s.AppsV1Api),
    networking: kc.makeApiClient(k8s.NetworkingV1Api),
    extensions: kc.makeApiClient(k8s.ApiextensionsV1Api),
    custom: kc.makeApiClient(k8s.CustomObjectsApi),
    objects: k8s.KubernetesObjectApi.makeApiClient(kc),
    version: kc.makeApiClient(k8s.VersionApi),
    authorization: kc.makeApiClient(k8s.AuthorizationV1Api),
  };
}

/** One client per cluster, rebuilt when its row changes. */
export function clusterClient(cluster: ClusterRow): ClusterClient {
  const stamp = cluster.updatedAt.getTime();
  const hit = cache.get(cluster.id);
  if (hit && hit.stamp === stamp) return hit.client;
  const client = makeClient(cluster.name, kubeConfigFor(cluster));
  cache.set(cluster.id, { stamp, client });
  return client;
}
