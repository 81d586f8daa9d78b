import { z } from "zod";
import { DATATYPES, elementFits, type Datatype } from "./datatypes";
import { V2Error } from "./v2-error";

/** Bounds on one request's work; the route also bounds the body's bytes (413 beyond). */
export const MAX_INPUTS = 16;
export const MAX_ELEMENTS = 100_000;
export const MAX_RANK = 8;
/** Nesting of `data` arrays accepted (the protocol allows nested rows; flattened row-major). */
const MAX_DATA_DEPTH = MAX_RANK;

const Parameters = z.record(z.string(), z.unknown());
const Input = z.object({
  name: z.string().min(1).max(128),
  shape: z.array(z.number().int().min(0).max(MAX_ELEMENTS)).max(MAX_RANK),
  datatype: z.enum(DATATYPES),
  parameters: Parameters.optional(),
  data: z.array(z.unknown()),
});
const Output = z.object({ name: z.string().min(1).max(128), parameters: Parameters.optional() });
const Request = z.object({
  id: z.string().max(256).optional(),
  parameters: Parameters.optional(),
  inputs: z.array(Input).min(1).max(MAX_INPUTS),
  outputs: z.array(Output).max(MAX_INPUTS).optional(),
});

export interface RequestInput {
  name: string;
  shape: number[];
  datatype: Datatype;
  parameters: Record<string, unknown>;
  /** Flattened row-major. */
  elements: unknown[];
}

export interface InferenceRequest {
  id?: string;
  parameters: Record<string, unknown>;
  inputs: RequestInput[];
  outputs?: { name: string; parameters?: Record<string, unknown> }[];
}

function flatten(data: unknown[], into: unknown[], depth: number, name: string): void {
  if (depth > MAX_DATA_DEPTH) throw new V2Error(400, `input '${name}': data is nested deeper than ${MAX_DATA_DEPTH}`);
  for (const item of data) {
    if (Array.isArray(item)) flatten(item, into, depth + 1, name);
    else into.push(item);
    if (into.length > MAX_ELEMENTS) throw new V2Error(400, `input '${name}': more than ${MAX_ELEMENTS} elements`);
  }
}

const describe = (issue: z.core.$ZodIssue) => `${issue.path.join(".") || "body"}: ${issue.message}`;

/** Checks an inference request as the protocol defines it; errors name the input and the reason. */
export function parseInferenceRequest(body: unknown): InferenceRequest {
  const parsed = Request.safeParse(body);
  if (!parsed.success) throw new V2Error(400, `invalid inference request: ${describe(parsed.error.issues[0])}`);
  const names = new Set<string>();
  let total = 0;
  const inputs = parsed.data.inputs.map((input) => {
    if (names.has(input.name)) throw new V2Error(400, `input '${input.name}' is given twice`);
    names.add(input.name);
    const elements: unknown[] = [];
    flatten(input.data, elements, 1, input.name);
    const expected = input.shape.reduce((a, b) => a * b, 1);
    if (expected !== elements.length)
      throw new V2Error(
        400,
        `input '${input.name}': shape [${input.shape.join(",")}] holds ${expected} elements but data has ${elements.length}`,
      );
    const bad = elements.findIndex((e) => !elementFits(input.datatype, e));
    if (bad >= 0)
      throw new V2Error(400, `input '${input.name}': element ${bad} is not a valid ${input.datatype} value`);
    total += elements.length;
    if (total > MAX_ELEMENTS) throw new V2Error(400, `the request holds more than ${MAX_ELEMENTS} elements`);
    return {
      name: input.name,
      shape: input.shape,
      datatype: input.datatype,
      parameters: input.parameters ?? {},
      elements,
    };
  });
  return { id: parsed.data.id, parameters: parsed.data.parameters ?? {}, inputs, outputs: parsed.data.outputs };
}
