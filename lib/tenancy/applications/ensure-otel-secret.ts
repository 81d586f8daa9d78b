import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { ApiException, type V1Secret } from "@kubernetes/client-node";
import type { ClusterClient } from "@/lib/clusters/client";
import { environmentCluster } from "@/lib/clusters/environment-cluster";
import { reconcileEnvironment } from "@/lib/clusters/reconcile/reconcile-environment";
import { AppError } from "@/lib/errors";
import { LABEL, MANAGED_BY } from "@/lib/clusters/reconcile/labels";
import { onCluster, upstreamError } from "@/lib/clusters/upstream-error";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { createEnvironmentIngestToken } from "@/lib/telemetry/tokens/create-environment-ingest-token";
import { OTEL_HEADERS_KEY, otelSecretName, otlpHeaders } from "@/lib/workloads/otel-env";

/**
 * The Secret an injected application reads its OTLP headers from. The first time, an ingest
 * token of the environment is minted for it (audited as any token); later edits keep it. Facet
 * keeps no copy: the token lives only in the Secret, as a logging output's does.
 */
async function namespaceExists(client: ClusterClient, name: string): Promise<boolean> {
  try {
    await client.core.readNamespace({ name });
    return true;
  } catch (error) {
    if (error instanceof ApiException && error.code === 404) return false;
    throw error;
  }
}

async function namespaceAppears(client: ClusterClient, name: string, withinMs = 10_000): Promise<boolean> {
  const until = Date.now() + withinMs;
  for (;;) {
    if (await namespaceExists(client, name)) return true;
    if (Date.now() > until) return false;
    await sleep(250);
  }
}

export async function ensureOtelSecret(ctx: EnvironmentCtx, app: string): Promise<void> {
  const { client, cluster, namespace } = await environmentCluster(ctx);
  const name = otelSecretName(app);
  let live: V1Secret | null = null;
  try {
    live = await client.core.readNamespacedSecret({ name, namespace });
  } catch (error) {
    if (!(error instanceof ApiException && error.code === 404)) throw upstreamError(cluster.name, error);
  }
  if (live?.data?.[OTEL_HEADERS_KEY]) return;
  // A new environment's namespace waits for the reconciler's first pass (started when the
  // environment was made): wait for it a little, then pass once ourselves. No token is minted
  // for a namespace that is not there.
  if (!live && !(await namespaceAppears(client, namespace))) {
    await reconcileEnvironment(ctx.scope.environment.id);
    if (!(await namespaceExists(client, namespace)))
      throw new AppError("UPSTREAM", `Cluster '${cluster.name}': the namespace ${namespace} is not there yet.`, {
        upstream: { name: cluster.name, retryable: true },
      });
  }
  const { token } = await createEnvironmentIngestToken({ ctx, input: { name: `otel ${app}` } });
  const body: V1Secret = {
    apiVersion: "v1",
    kind: "Secret",
    metadata: {
      name,
      namespace,
      labels: { ...(live?.metadata?.labels ?? {}), ...MANAGED_BY, [LABEL.application]: app },
      resourceVersion: live?.metadata?.resourceVersion,
    },
    type: "Opaque",
    // A Secret of that name made by hand keeps its other keys.
    data: { ...(live?.data ?? {}), [OTEL_HEADERS_KEY]: Buffer.from(otlpHeaders(token)).toString("base64") },
  };
  await onCluster(cluster.name, () =>
    live
      ? client.core.replaceNamespacedSecret({ name, namespace, body })
      : client.core.createNamespacedSecret({ namespace, body }),
  );
}
