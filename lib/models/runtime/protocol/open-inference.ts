// The published V2 schemas, compiled once: `conforms("inference_response", body)` says whether a
// body is what the protocol's own OpenAPI document allows, and if not, why.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import { parse } from "yaml";

export type V2Schema =
  | "metadata_server_response"
  | "metadata_server_error_response"
  | "metadata_model_response"
  | "metadata_model_error_response"
  | "inference_request"
  | "inference_response"
  | "inference_error_response";

let validators: Map<V2Schema, ValidateFunction> | null = null;

function compile(): Map<V2Schema, ValidateFunction> {
  const document = parse(
    readFileSync(join(process.cwd(), "lib/models/runtime/protocol/open_inference_rest.yaml"), "utf8"),
  );
  // OpenAPI keywords ajv does not know (title, x-examples) are annotations; refs point into components.
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema({ components: document.components }, "oip");
  const names = Object.keys(document.components.schemas) as V2Schema[];
  return new Map(names.map((name) => [name, ajv.compile({ $ref: `oip#/components/schemas/${name}` })]));
}

export function conforms(schema: V2Schema, body: unknown): { ok: true } | { ok: false; errors: string } {
  validators ??= compile();
  const validate = validators.get(schema);
  if (!validate) throw new Error(`no schema ${schema} in the Open Inference Protocol document`);
  return validate(body) ? { ok: true } : { ok: false, errors: JSON.stringify(validate.errors) };
}
