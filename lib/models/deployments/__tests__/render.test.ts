import { describe, expect, it } from "vitest";
import { renderBuiltinDeployment, renderInferenceService, renderSeldonDeployment } from "../render";

const d = {
  name: "sentiment",
  namespace: "team-a",
  replicas: 2,
  resources: { cpu: "500m", memory: "1Gi" },
  labels: { "facet.dev/tenant": "acme" },
};
const hf = {
  task: "text-classification",
  pretrainedModel: "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
  parameters: { task: "ignored-here", pretrained_tokenizer: "distilbert-base-uncased" },
};

describe("rendering a model deployment", () => {
  it("makes a SeldonDeployment speaking V2 on MLServer's HuggingFace server (PROTOCOLS §2.3)", () => {
    const o = renderSeldonDeployment(d, hf) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(o.apiVersion).toBe("machinelearning.seldon.io/v1");
    expect(o.kind).toBe("SeldonDeployment");
    expect(o.metadata).toMatchObject({
      name: "sentiment",
      namespace: "team-a",
      labels: { "facet.dev/model-deployment": "sentiment", "facet.dev/tenant": "acme" },
    });
    expect(o.spec.protocol).toBe("v2");
    expect(o.spec.predictors).toHaveLength(1);
    const [p] = o.spec.predictors;
    expect(p.replicas).toBe(2);
    expect(p.graph).toEqual({
      name: "sentiment",
      type: "MODEL",
      implementation: "HUGGINGFACE_SERVER",
      parameters: [
        { name: "task", type: "STRING", value: "text-classification" },
        { name: "pretrained_model", type: "STRING", value: hf.pretrainedModel },
        { name: "pretrained_tokenizer", type: "STRING", value: "distilbert-base-uncased" },
      ],
    });
    // No modelUri with pretrained_model; the container named after the graph node carries resources.
    expect(p.graph.modelUri).toBeUndefined();
    expect(p.componentSpecs[0].spec.containers[0]).toEqual({
      name: "sentiment",
      resources: { requests: d.resources, limits: d.resources },
    });
  });

  it("makes a KServe InferenceService on the HuggingFace server with protocol v2", () => {
    const o = renderInferenceService(d, hf) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(o.apiVersion).toBe("serving.kserve.io/v1beta1");
    expect(o.spec.predictor.model.modelFormat).toEqual({ name: "huggingface" });
    expect(o.spec.predictor.model.protocolVersion).toBe("v2");
    expect(o.spec.predictor.model.args).toEqual(
      expect.arrayContaining([
        `--model_id=${hf.pretrainedModel}`,
        "--task=text-classification",
        "--model_name=sentiment",
      ]),
    );
    expect(o.spec.predictor).toMatchObject({ minReplicas: 2, maxReplicas: 2 });
  });

  it("makes the sandbox Deployment without the application label (the reconciler would delete it)", () => {
    const o = renderBuiltinDeployment(d, "sentiment-en", "v1") as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(o.metadata.labels["facet.dev/application"]).toBeUndefined();
    expect(o.spec.selector.matchLabels).toEqual({ "facet.dev/model-deployment": "sentiment" });
    expect(o.spec.template.spec.containers[0].resources.limits).toEqual(d.resources);
  });
});
