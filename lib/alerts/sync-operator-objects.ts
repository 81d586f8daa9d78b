import "server-only";
import { ApiException } from "@kubernetes/client-node";
import { environmentCluster } from "@/lib/clusters/environment-cluster";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { logger } from "@/lib/observability/logger";
import { MONITORING_GROUP, objectName, renderAlertmanagerConfig, renderPrometheusRule } from "./operator-objects";
import type { AlertRuleDto } from "./schemas";

// Clusters that run Prometheus-Operator get each rule as a PrometheusRule and its routing as an
// AlertmanagerConfig in the environment's namespace, kept in step with the rule (written after
// the rule's transaction; removed when the rule is deleted, disabled or is a log rule). A cluster
// that does not serve the CRDs is left alone. Facet's own evaluation never depends on this.

const KINDS = [
  { plural: "prometheusrules", version: "v1", render: renderPrometheusRule },
  { plural: "alertmanagerconfigs", version: "v1alpha1", render: renderAlertmanagerConfig },
] as const;

export type SyncOutcome = "applied" | "removed" | "not-served" | "failed";

const notFound = (error: unknown) => error instanceof ApiException && error.code === 404;

/** Applies (rule given and enabled) or removes the rule's objects; never throws. */
export async function syncOperatorObjects(
  ctx: EnvironmentCtx,
  name: string,
  rule: AlertRuleDto | null,
): Promise<SyncOutcome[]> {
  let target: Awaited<ReturnType<typeof environmentCluster>>;
  try {
    target = await environmentCluster(ctx);
  } catch (error) {
    logger.warn({ err: error, rule: name }, "alert rule: cluster unavailable for operator objects");
    return ["failed"];
  }
  const { client, cluster, namespace } = target;
  const wanted = rule && rule.enabled && rule.kind !== "log" ? rule : null;
  return Promise.all(
    KINDS.map(async ({ plural, version, render }): Promise<SyncOutcome> => {
      const where = { group: MONITORING_GROUP, version, namespace, plural };
      try {
        try {
          await client.custom.listNamespacedCustomObject({ ...where, limit: 1 });
        } catch (error) {
          if (notFound(error)) return "not-served";
          throw error;
        }
        const objName = objectName(name);
        type Stored = { metadata?: { resourceVersion?: string } };
        let current: Stored | null = null;
        try {
          current = (await client.custom.getNamespacedCustomObject({ ...where, name: objName })) as Stored;
        } catch (error) {
          if (!notFound(error)) throw error;
        }
        if (!wanted) {
          if (current) await client.custom.deleteNamespacedCustomObject({ ...where, name: objName });
          return "removed";
        }
        const body = render(wanted, namespace);
        if (current)
          await client.custom.replaceNamespacedCustomObject({
            ...where,
            name: objName,
            body: { ...body, metadata: { ...body.metadata, resourceVersion: current.metadata?.resourceVersion } },
          });
        else await client.custom.createNamespacedCustomObject({ ...where, body });
        return "applied";
      } catch (error) {
        logger.warn(
          { err: error, rule: name, cluster: cluster.name, plural },
          "alert rule: operator object not synced",
        );
        return "failed";
      }
    }),
  );
}
