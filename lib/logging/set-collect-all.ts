import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { AuthedContext } from "@/lib/core/context";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { readLoggingObject, writeLoggingObject } from "./cluster-objects";
import {
  COLLECT_ALL_FLOW,
  FACET_CLUSTER_OUTPUT,
  LOGGING_API_VERSION,
  MANAGED_BY_LABEL,
  OUTPUT_TYPE_ANNOTATION,
} from "./constants";
import { detectOperator } from "./detect-operator";
import { collectAllFlow, facetLokiSpec } from "./forms";
import { deleteItem, getItem, submitItem } from "./objects";
import { upsertOutputSecret } from "./output-secrets";
import { mintToken } from "./output-source";
import type { FlowItem } from "./schemas";
import { auditTarget, controlTarget, environmentLoggingTarget, facetPushUrl, type LoggingTarget } from "./target";

/**
 * The one click: creates the Flow `default` (the whole namespace, a line counter, to the
 * cluster's output `facet`), making that ClusterOutput first if the cluster has none; or removes it.
 */
export const setCollectAll = verb(
  "logging.collect-all.set",
  "logging.write",
  async ({ ctx, input }: VerbArgs<{ enabled: boolean }, EnvironmentCtx>) => {
    const t = await environmentLoggingTarget(ctx);
    const operator = await detectOperator(t);
    if (!operator.installed)
      throw new AppError("CONFLICT", operator.message ?? "The Logging Operator is not installed on this cluster.");
    const live = await readLoggingObject(t, "Flow", COLLECT_ALL_FLOW);
    if (!input.enabled) {
      if (live) await deleteItem(ctx, t, "Flow", COLLECT_ALL_FLOW, "logging.collect-all.disable");
      return { enabled: false, flow: null };
    }
    if (live) return { enabled: true, flow: (await getItem(ctx, t, "Flow", COLLECT_ALL_FLOW)) as FlowItem };
    await ensureFacetClusterOutput(ctx, controlTarget(t.cluster));
    const { item } = await submitItem(ctx, t, {
      kind: "Flow",
      mode: "create",
      source: { object: collectAllFlow(t.namespace, FACET_CLUSTER_OUTPUT) },
      action: "logging.collect-all.enable",
    });
    return { enabled: true, flow: item as FlowItem };
  },
);

/** The cluster's default output: Loki push to this Facet with a cluster ingest token kept in a Secret. */
async function ensureFacetClusterOutput(ctx: AuthedContext, control: LoggingTarget): Promise<void> {
  if (await readLoggingObject(control, "ClusterOutput", FACET_CLUSTER_OUTPUT)) return;
  const token = await mintToken(ctx, control, "logging: cluster output facet");
  await inTransaction(async (tx) => {
    await writeAudit(tx, ctx, {
      action: "logging.cluster-outputs.create",
      tenantId: null,
      target: auditTarget(control, "ClusterOutput", FACET_CLUSTER_OUTPUT),
      after: { type: "facet" },
    });
    await upsertOutputSecret(control, FACET_CLUSTER_OUTPUT, { username: "facet", password: token });
    await writeLoggingObject(
      control,
      "ClusterOutput",
      {
        apiVersion: LOGGING_API_VERSION,
        kind: "ClusterOutput",
        metadata: {
          name: FACET_CLUSTER_OUTPUT,
          namespace: control.namespace,
          labels: { [MANAGED_BY_LABEL]: "facet" },
          annotations: { [OUTPUT_TYPE_ANNOTATION]: "facet" },
        },
        spec: facetLokiSpec(FACET_CLUSTER_OUTPUT, facetPushUrl(control.cluster)),
      },
      { replace: false, dryRun: false },
    );
  });
}
