import "server-only";
import type { RequestContext } from "@/lib/core/context";
import { stringify } from "yaml";
import { BUILTIN_MODELS } from "../runtime/builtin";
import type { ModelSpec } from "../runtime/model-spec";
import { RUNTIME_NAME } from "../runtime/serve-v2";
import { publishModel } from "../modelx/publish";
import { LIBRARY } from "../modelx/names";

export const BUILTIN_TAG = "v1";
/** Annotations that tell Facet's runtime which built-in implementation serves an artifact. */
export const RUNTIME_ANNOTATION = "facet.dev/runtime";
export const IMPLEMENTATION_ANNOTATION = "facet.dev/implementation";

function modelxYaml(spec: ModelSpec): Buffer {
  return Buffer.from(
    stringify({
      description: spec.description,
      framework: spec.platform,
      task: spec.task,
      tags: ["builtin", "offline", "english"],
      resources: { cpu: "250m", memory: "256Mi" },
      maintainers: ["Facet"],
      annotations: { [RUNTIME_ANNOTATION]: RUNTIME_NAME, [IMPLEMENTATION_ANNOTATION]: spec.name },
      modelFiles: ["README.md", "model.json"],
      config: { inputs: spec.inputs, outputs: spec.outputs },
    }),
  );
}

function modelCard(spec: ModelSpec): Buffer {
  const tensors = (list: ModelSpec["inputs"]) =>
    list.map((t) => `| ${t.name} | ${t.datatype} | [${t.shape.join(", ")}] |`).join("\n");
  return Buffer.from(
    [
      `# ${spec.name}`,
      "",
      spec.description,
      "",
      `- Task: \`${spec.task}\``,
      `- Licence: ${spec.license} (${spec.packages.join(", ")})`,
      `- Served by Facet's built-in Open Inference Protocol (V2) runtime; no download, no GPU.`,
      "",
      "## Inputs",
      "",
      "| name | datatype | shape |",
      "|---|---|---|",
      tensors(spec.inputs),
      "",
      "## Outputs",
      "",
      "| name | datatype | shape |",
      "|---|---|---|",
      tensors(spec.outputs),
      "",
    ].join("\n"),
  );
}

/** Publishes every built-in model into the `library` repository (idempotent). */
export async function publishBuiltinModels(ctx: RequestContext): Promise<string[]> {
  const published: string[] = [];
  for (const spec of BUILTIN_MODELS.values()) {
    const implementation = {
      runtime: RUNTIME_NAME,
      implementation: spec.name,
      task: spec.task,
      packages: spec.packages,
      inputs: spec.inputs,
      outputs: spec.outputs,
    };
    await publishModel(
      ctx,
      { repository: LIBRARY, projectId: null, tenantId: null, model: spec.name, reference: BUILTIN_TAG },
      modelxYaml(spec),
      [
        { name: "README.md", bytes: modelCard(spec) },
        { name: "model.json", bytes: Buffer.from(JSON.stringify(implementation, null, 2)) },
      ],
      {
        task: spec.task,
        license: spec.license,
        [RUNTIME_ANNOTATION]: RUNTIME_NAME,
        [IMPLEMENTATION_ANNOTATION]: spec.name,
      },
    );
    published.push(`${LIBRARY}/${spec.name}:${BUILTIN_TAG}`);
  }
  return published;
}
