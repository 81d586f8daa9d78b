import "server-only";
import { ApiException, type KubernetesObject } from "@kubernetes/client-node";
import type { ClusterClient } from "@/lib/clusters/client";
import { environmentCluster } from "@/lib/clusters/environment-cluster";
import { deleteIfPresent, ensureObject } from "@/lib/clusters/reconcile/ensure-object";
import { LABEL, MANAGED_BY } from "@/lib/clusters/reconcile/labels";
import { onCluster } from "@/lib/clusters/upstream-error";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import type { ClusterRow, ModelDeploymentRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { MODEL_DEPLOYMENT_LABEL } from "./labels";
import {
  objectRef,
  renderBuiltinDeployment,
  renderBuiltinService,
  renderInferenceService,
  renderSeldonDeployment,
  type RenderInput,
} from "./render";
import type { DeploymentRuntime } from "./schemas";

export interface ClusterTarget {
  client: ClusterClient;
  cluster: ClusterRow;
  namespace: string;
  labels: Record<string, string>;
}

export async function clusterTarget(ctx: EnvironmentCtx): Promise<ClusterTarget> {
  const { client, cluster, namespace } = await environmentCluster(ctx);
  const labels = {
    ...MANAGED_BY,
    [LABEL.tenant]: ctx.scope.tenant.name,
    [LABEL.project]: ctx.scope.project.name,
    [LABEL.environment]: ctx.scope.environment.name,
  };
  return { client, cluster, namespace, labels };
}

export const isSandbox = (t: ClusterTarget) => t.cluster.kind === "sandbox";

const SERVERS = {
  seldon: { crd: "seldondeployments.machinelearning.seldon.io", product: "Seldon Core" },
  kserve: { crd: "inferenceservices.serving.kserve.io", product: "KServe" },
} as const;

async function served(t: ClusterTarget, runtime: "seldon" | "kserve"): Promise<boolean> {
  try {
    await t.client.extensions.readCustomResourceDefinition({ name: SERVERS[runtime].crd });
    return true;
  } catch (error) {
    if (error instanceof ApiException && error.code === 404) return false;
    throw error;
  }
}

/** The serving runtime on a real cluster: the one asked for if installed, else Seldon, else KServe. */
export async function clusterRuntime(t: ClusterTarget, requested?: DeploymentRuntime): Promise<"seldon" | "kserve"> {
  if (requested === "builtin")
    throw new AppError("VALIDATION", "The built-in runtime serves models on the sandbox cluster only.", {
      errors: [{ path: "body.runtime", message: "builtin is only for the sandbox cluster" }],
    });
  const order = requested ? [requested] : (["seldon", "kserve"] as const);
  for (const r of order) if (await onCluster(t.cluster.name, () => served(t, r))) return r;
  throw new AppError(
    "CONFLICT",
    requested
      ? `${SERVERS[requested].product} is not installed on cluster '${t.cluster.name}' (no ${SERVERS[requested].crd}).`
      : `Cluster '${t.cluster.name}' serves neither Seldon Core nor KServe: install one to deploy this model.`,
  );
}

const renderInput = (t: ClusterTarget, row: ModelDeploymentRow): RenderInput => ({
  name: row.name,
  namespace: t.namespace,
  replicas: row.replicas,
  resources: row.resources,
  labels: t.labels,
});

/** Every object the deployment puts on the cluster. */
export function renderRow(t: ClusterTarget, row: ModelDeploymentRow): KubernetesObject[] {
  const d = renderInput(t, row);
  if (row.runtime === "builtin")
    return [renderBuiltinDeployment(d, row.implementation ?? "", row.modelVersion), renderBuiltinService(d)];
  const model = {
    task: row.task ?? "",
    pretrainedModel: row.parameters.pretrained_model ?? row.model,
    parameters: row.parameters,
  };
  return [row.runtime === "seldon" ? renderSeldonDeployment(d, model) : renderInferenceService(d, model)];
}

/** Creates the objects or merge-patches them back (the reconciler's own ensureObject). */
export async function applyRow(t: ClusterTarget, row: ModelDeploymentRow): Promise<void> {
  await onCluster(t.cluster.name, async () => {
    for (const o of renderRow(t, row)) await ensureObject(t.client, o);
  });
}

export async function removeRow(t: ClusterTarget, row: ModelDeploymentRow): Promise<void> {
  await onCluster(t.cluster.name, async () => {
    for (const o of renderRow(t, row))
      await deleteIfPresent(t.client, objectRef(o.apiVersion!, o.kind!, row.name, t.namespace));
  });
}

export interface Observed {
  readyReplicas: number;
  /** A serving runtime's own verdict (SeldonDeployment state, InferenceService Ready). */
  state?: "Available" | "Failed" | "Creating";
  message?: string;
}

/** What the cluster says about each deployment of the environment; an unreachable cluster is a reason, not a failure. */
export async function observe(t: ClusterTarget, rows: ModelDeploymentRow[]): Promise<Map<string, Observed>> {
  const seen = new Map<string, Observed>();
  if (!rows.length) return seen;
  try {
    const list = await t.client.apps.listNamespacedDeployment({
      namespace: t.namespace,
      labelSelector: MODEL_DEPLOYMENT_LABEL,
    });
    for (const d of list.items) {
      const name = d.metadata?.labels?.[MODEL_DEPLOYMENT_LABEL];
      if (name) seen.set(name, { readyReplicas: d.status?.readyReplicas ?? 0 });
    }
    for (const row of rows.filter((r) => r.runtime !== "builtin")) {
      const [o] = renderRow(t, row);
      const live = (await t.client.objects
        .read(objectRef(o.apiVersion!, o.kind!, row.name, t.namespace))
        .catch(() => null)) as { status?: Record<string, unknown> } | null;
      seen.set(row.name, servingState(row.runtime, live?.status));
    }
  } catch (error) {
    for (const row of rows) seen.set(row.name, { readyReplicas: 0, message: (error as Error).message });
  }
  return seen;
}

function servingState(runtime: DeploymentRuntime, status?: Record<string, unknown>): Observed {
  if (!status) return { readyReplicas: 0, state: "Creating" };
  if (runtime === "seldon") {
    const state = status.state as Observed["state"];
    return {
      readyReplicas: Number(status.replicas ?? 0),
      state,
      message: typeof status.description === "string" ? status.description : undefined,
    };
  }
  const ready = ((status.conditions as { type: string; status: string; message?: string }[]) ?? []).find(
    (c) => c.type === "Ready",
  );
  return {
    readyReplicas: ready?.status === "True" ? 1 : 0,
    state: ready?.status === "True" ? "Available" : "Creating",
    message: ready?.message,
  };
}
