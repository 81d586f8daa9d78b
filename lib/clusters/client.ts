import "server-only";
import * as k8s from "@kubernetes/client-node";
import type { ClusterRow } from "@/lib/db/schema";
import { open } from "@/lib/crypto/secret-box";
import { AppError } from "@/lib/errors";
import { internalSandboxServer } from "./internal-url";

const TIMEOUT_MS = Number(process.env.FACET_CLUSTER_TIMEOUT_MS ?? 8_000);

/** Every request of this KubeConfig is aborted after a bounded time. */
class BoundedKubeConfig extends k8s.KubeConfig {
  timeoutMs = TIMEOUT_MS;
  override async applySecurityAuthentication(context: k8s.RequestContext): Promise<void> {
    await super.applySecurityAuthentication(context);
    context.setSignal(AbortSignal.timeout(this.timeoutMs) as never);
  }
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
    throw new AppError("UPSTREAM", `Cluster '${name}': ${(error as Error).message}.`, { upstream: { name, retryable: false }, cause: error });
  }
}

/** A KubeConfig from stored credentials only, never the server's own. The sandbox's server
 *  address is this process's own, which only the process knows. */
export function kubeConfigFor(cluster: Pick<ClusterRow, "name" | "kind" | "kubeconfig">, timeoutMs = TIMEOUT_MS): k8s.KubeConfig {
  if (!cluster.kubeconfig) throw new AppError("UPSTREAM", `Cluster '${cluster.name}' has no credentials stored.`, { upstream: { name: cluster.name, retryable: false } });
  const kc = new BoundedKubeConfig();
  kc.timeoutMs = timeoutMs;
  kc.loadFromString(openKubeconfig(cluster.name, cluster.kubeconfig));
  if (cluster.kind === "sandbox") {
    const current = kc.getCurrentCluster()!;
    const clusters = kc.clusters.map((c) => (c.name === current.name ? { ...c, server: internalSandboxServer(), skipTLSVerify: true } : c));
    kc.loadFromOptions({ clusters, users: kc.users, contexts: kc.contexts, currentContext: kc.currentContext });
  }
  return kc;
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
