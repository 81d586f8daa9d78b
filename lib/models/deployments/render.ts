// What a model deployment becomes on a cluster; pure, so the shapes are unit-tested.
import type { KubernetesObject } from "@kubernetes/client-node";
import { MANAGED_BY } from "@/lib/clusters/reconcile/labels";
import { BUILTIN_RUNTIME_IMAGE, MODEL_DEPLOYMENT_LABEL, V2_PORT } from "./labels";
import type { DeploymentResources } from "./schemas";

export interface RenderInput {
  name: string;
  namespace: string;
  replicas: number;
  resources: DeploymentResources;
  /** The environment's labels (tenant, project, environment). */
  labels: Record<string, string>;
}

const labelsOf = (d: RenderInput) => ({ ...d.labels, ...MANAGED_BY, [MODEL_DEPLOYMENT_LABEL]: d.name });
const selector = (name: string) => ({ [MODEL_DEPLOYMENT_LABEL]: name });
// Requests equal limits: the quota counts exactly what the deployment asked for.
const containerResources = (r: DeploymentResources) => ({ requests: { ...r }, limits: { ...r } });

/** The sandbox Deployment whose pods stand for the built-in runtime serving the model. */
export function renderBuiltinDeployment(d: RenderInput, implementation: string, version: string): KubernetesObject {
  const labels = labelsOf(d);
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: d.name, namespace: d.namespace, labels },
    spec: {
      replicas: d.replicas,
      selector: { matchLabels: selector(d.name) },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: "model",
              image: BUILTIN_RUNTIME_IMAGE,
              ports: [{ name: "http", containerPort: V2_PORT, protocol: "TCP" }],
              env: [
                { name: "FACET_MODEL_IMPLEMENTATION", value: implementation },
                { name: "FACET_MODEL_VERSION", value: version },
              ],
              resources: containerResources(d.resources),
            },
          ],
        },
      },
    },
  } as KubernetesObject;
}

export function renderBuiltinService(d: RenderInput): KubernetesObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: d.name, namespace: d.namespace, labels: labelsOf(d) },
    spec: {
      type: "ClusterIP",
      selector: selector(d.name),
      ports: [{ name: "http", port: V2_PORT, targetPort: V2_PORT, protocol: "TCP" }],
    },
  } as KubernetesObject;
}

export interface HuggingFaceModel {
  task: string;
  /** The Hub model id, e.g. distilbert/distilbert-base-uncased-finetuned-sst-2-english. */
  pretrainedModel: string;
  /** Further MLServer HuggingFace parameters (pretrained_tokenizer, optimum_model…). */
  parameters: Record<string, string>;
}

/** A SeldonDeployment on MLServer's HuggingFace runtime, speaking V2 (PROTOCOLS §2.3). */
export function renderSeldonDeployment(d: RenderInput, model: HuggingFaceModel): KubernetesObject {
  const extra = Object.entries(model.parameters).filter(([k]) => k !== "task" && k !== "pretrained_model");
  return {
    apiVersion: "machinelearning.seldon.io/v1",
    kind: "SeldonDeployment",
    metadata: { name: d.name, namespace: d.namespace, labels: labelsOf(d) },
    spec: {
      protocol: "v2",
      predictors: [
        {
          name: "default",
          replicas: d.replicas,
          graph: {
            name: d.name,
            type: "MODEL",
            implementation: "HUGGINGFACE_SERVER",
            parameters: [
              { name: "task", type: "STRING", value: model.task },
              { name: "pretrained_model", type: "STRING", value: model.pretrainedModel },
              ...extra.map(([name, value]) => ({ name, type: "STRING", value })),
            ],
          },
          // The container named after the graph node carries the resources.
          componentSpecs: [{ spec: { containers: [{ name: d.name, resources: containerResources(d.resources) }] } }],
        },
      ],
    },
  } as KubernetesObject;
}

/** A KServe InferenceService on its HuggingFace server, speaking V2. */
export function renderInferenceService(d: RenderInput, model: HuggingFaceModel): KubernetesObject {
  const extra = Object.entries(model.parameters).filter(([k]) => k !== "task" && k !== "pretrained_model");
  return {
    apiVersion: "serving.kserve.io/v1beta1",
    kind: "InferenceService",
    metadata: { name: d.name, namespace: d.namespace, labels: labelsOf(d) },
    spec: {
      predictor: {
        minReplicas: d.replicas,
        maxReplicas: d.replicas,
        model: {
          modelFormat: { name: "huggingface" },
          protocolVersion: "v2",
          args: [
            `--model_name=${d.name}`,
            `--model_id=${model.pretrainedModel}`,
            `--task=${model.task}`,
            ...extra.map(([k, v]) => `--${k}=${v}`),
          ],
          resources: containerResources(d.resources),
        },
      },
    },
  } as KubernetesObject;
}

/** Header of an object by kind, for reads and deletes. */
export const objectRef = (apiVersion: string, kind: string, name: string, namespace: string) => ({
  apiVersion,
  kind,
  metadata: { name, namespace },
});
