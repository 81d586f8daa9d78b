import { decodeInput } from "./codecs";
import type { EncodedOutput, ModelSpec, Predictor } from "./model-spec";
import type { InferenceRequest } from "./v2-request";
import { V2Error } from "./v2-error";

export interface InferenceResponse {
  model_name: string;
  model_version?: string;
  id?: string;
  parameters?: Record<string, unknown>;
  outputs: EncodedOutput[];
}

/** Runs one checked request on a loaded model: inputs matched to its metadata, outputs as asked. */
export async function infer(
  spec: ModelSpec,
  predictor: Predictor,
  request: InferenceRequest,
): Promise<InferenceResponse> {
  for (const input of request.inputs) {
    const declared = spec.inputs.find((i) => i.name === input.name);
    if (!declared)
      throw new V2Error(
        400,
        `input '${input.name}' is not an input of model '${spec.name}' (inputs: ${spec.inputs.map((i) => i.name).join(", ")})`,
      );
    if (declared.datatype !== input.datatype)
      throw new V2Error(400, `input '${input.name}': datatype ${input.datatype}, expected ${declared.datatype}`);
    if (declared.shape.length !== input.shape.length && !(declared.shape.length === 1 && declared.shape[0] === -1))
      throw new V2Error(
        400,
        `input '${input.name}': shape [${input.shape.join(",")}] does not fit [${declared.shape.join(",")}]`,
      );
  }
  const decoded = request.inputs.map((input) => decodeInput(input, request.parameters));
  let outputs = await predictor.predict(decoded, request.parameters);
  if (request.outputs?.length) {
    const wanted = new Set(request.outputs.map((o) => o.name));
    const unknown = [...wanted].find((name) => !outputs.some((o) => o.name === name));
    if (unknown) throw new V2Error(400, `output '${unknown}' is not an output of model '${spec.name}'`);
    outputs = outputs.filter((o) => wanted.has(o.name));
  }
  return { model_name: spec.name, ...(request.id ? { id: request.id } : {}), outputs };
}
