import "server-only";
import type { V1Secret } from "@kubernetes/client-node";
import { onCluster, upstreamError } from "@/lib/clusters/upstream-error";
import { isNotFound } from "./cluster-objects";
import { MANAGED_BY_LABEL, secretNameFor } from "./constants";
import type { LoggingTarget } from "./target";

/**
 * Writes an output's credentials into its Secret `<output>-facet-output`, keeping keys the
 * caller left out (an edit without a new password keeps the old one). Facet stores none of it.
 */
export async function upsertOutputSecret(
  t: LoggingTarget,
  output: string,
  data: Record<string, string>,
): Promise<void> {
  if (!Object.keys(data).length) return;
  const name = secretNameFor(output);
  const namespace = t.namespace;
  let live: V1Secret | null = null;
  try {
    live = await t.client.core.readNamespacedSecret({ name, namespace });
  } catch (error) {
    if (!isNotFound(error)) throw upstreamError(t.cluster.name, error);
  }
  const stringData = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v]));
  const body: V1Secret = {
    apiVersion: "v1",
    kind: "Secret",
    metadata: {
      name,
      namespace,
      labels: { [MANAGED_BY_LABEL]: "facet" },
      resourceVersion: live?.metadata?.resourceVersion,
    },
    type: "Opaque",
    data: {
      ...(live?.data ?? {}),
      ...Object.fromEntries(Object.entries(stringData).map(([k, v]) => [k, Buffer.from(v).toString("base64")])),
    },
  };
  await onCluster(t.cluster.name, () =>
    live
      ? t.client.core.replaceNamespacedSecret({ name, namespace, body })
      : t.client.core.createNamespacedSecret({ namespace, body }),
  );
}

/** Whether the output's Secret holds a key already. */
export async function outputSecretHas(t: LoggingTarget, output: string, key: string): Promise<boolean> {
  try {
    const s = await t.client.core.readNamespacedSecret({ name: secretNameFor(output), namespace: t.namespace });
    return Boolean(s.data?.[key] || s.stringData?.[key]);
  } catch (error) {
    if (isNotFound(error)) return false;
    throw upstreamError(t.cluster.name, error);
  }
}

export async function deleteOutputSecret(t: LoggingTarget, output: string): Promise<void> {
  try {
    await t.client.core.deleteNamespacedSecret({ name: secretNameFor(output), namespace: t.namespace });
  } catch (error) {
    if (!isNotFound(error)) throw upstreamError(t.cluster.name, error);
  }
}
