import "server-only";
import { ApiException } from "@kubernetes/client-node";
import { environmentCluster } from "@/lib/clusters/environment-cluster";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import type { ProbeRow } from "@/lib/db/schema";
import { logger } from "@/lib/observability/logger";
import { PROBE_GROUP, PROBE_PLURAL, PROBE_VERSION, validProbeObject } from "./render-probe-object";

type Existing = { metadata?: { resourceVersion?: string } };

const isNotFound = (error: unknown) => error instanceof ApiException && error.code === 404;

/**
 * Mirrors a probe as a Prometheus-Operator Probe object in the environment's namespace when
 * the cluster serves the kind; a cluster without the CRD is skipped. Best effort after the
 * commit: Facet runs the probe itself either way, so a cluster error is logged, not answered.
 */
export async function syncProbeObject(ctx: EnvironmentCtx, row: ProbeRow): Promise<void> {
  try {
    const { client, namespace, cluster } = await environmentCluster(ctx);
    const where = { group: PROBE_GROUP, version: PROBE_VERSION, namespace, plural: PROBE_PLURAL };
    const body = validProbeObject(row, namespace);
    let existing: Existing | null = null;
    try {
      existing = (await client.custom.getNamespacedCustomObject({ ...where, name: row.name })) as Existing;
    } catch (error) {
      if (!isNotFound(error)) throw error;
      // 404 for the object, or for the whole kind: ask the list to tell them apart.
      try {
        await client.custom.listNamespacedCustomObject({ ...where, limit: 1 });
      } catch (listError) {
        if (isNotFound(listError)) return; // no Probe CRD on this cluster
        throw listError;
      }
    }
    const resourceVersion = (existing as Existing | null)?.metadata?.resourceVersion;
    if (resourceVersion !== undefined)
      await client.custom.replaceNamespacedCustomObject({
        ...where,
        name: row.name,
        body: { ...body, metadata: { ...body.metadata, resourceVersion } },
      });
    else await client.custom.createNamespacedCustomObject({ ...where, body });
    logger.info({ cluster: cluster.name, namespace, probe: row.name }, "probe object applied");
  } catch (error) {
    logger.warn({ err: error, probe: row.name }, "could not apply the Probe object");
  }
}

export async function removeProbeObject(ctx: EnvironmentCtx, name: string): Promise<void> {
  try {
    const { client, namespace } = await environmentCluster(ctx);
    await client.custom.deleteNamespacedCustomObject({
      group: PROBE_GROUP,
      version: PROBE_VERSION,
      namespace,
      plural: PROBE_PLURAL,
      name,
    });
  } catch (error) {
    if (!isNotFound(error)) logger.warn({ err: error, probe: name }, "could not delete the Probe object");
  }
}
