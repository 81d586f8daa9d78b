// MLServer's content types for inputs (PROTOCOLS §2.2): `str` (the default for BYTES), `hg_json`
// (a JSON object per element), `base64` and `pillow_image` (base64 of a file, decoded to bytes),
// and the `hg_jsonlist` encoding of outputs.
import type { DecodedInput, EncodedOutput } from "./model-spec";
import type { RequestInput } from "./v2-request";
import { V2Error } from "./v2-error";

export const INPUT_CONTENT_TYPES = ["str", "hg_json", "base64", "pillow_image"] as const;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function contentTypeOf(input: RequestInput, requestLevel: unknown): string | null {
  const own = input.parameters.content_type;
  const chosen = own ?? requestLevel;
  if (chosen === undefined) return null;
  if (typeof chosen !== "string" || !(INPUT_CONTENT_TYPES as readonly string[]).includes(chosen))
    throw new V2Error(
      400,
      `input '${input.name}': content_type ${JSON.stringify(chosen)} is not one of ${INPUT_CONTENT_TYPES.join(", ")}`,
    );
  return chosen;
}

export function decodeInput(input: RequestInput, requestParameters: Record<string, unknown>): DecodedInput {
  const contentType = contentTypeOf(input, requestParameters.content_type);
  const base = { name: input.name, shape: input.shape, datatype: input.datatype };
  if (contentType === null || input.datatype !== "BYTES") {
    if (contentType !== null && contentType !== "str")
      throw new V2Error(400, `input '${input.name}': content_type ${contentType} needs datatype BYTES`);
    return { ...base, values: input.elements };
  }
  const strings = input.elements as string[];
  switch (contentType) {
    case "str":
      return { ...base, values: strings };
    case "hg_json":
      return {
        ...base,
        values: strings.map((s, i) => {
          try {
            return JSON.parse(s) as unknown;
          } catch {
            throw new V2Error(400, `input '${input.name}': element ${i} is not JSON (content_type hg_json)`);
          }
        }),
      };
    default:
      return {
        ...base,
        values: strings.map((s, i) => {
          const text = s.replace(/^data:[^,]*;base64,/, "");
          if (!BASE64.test(text) || text.length % 4 === 1)
            throw new V2Error(400, `input '${input.name}': element ${i} is not base64 (content_type ${contentType})`);
          return Buffer.from(text, "base64");
        }),
      };
  }
}

/** One JSON string per item, shape [k, 1], as MLServer's HuggingFace runtime answers. */
export function hgJsonList(name: string, items: unknown[]): EncodedOutput {
  return {
    name,
    shape: [items.length, 1],
    datatype: "BYTES",
    parameters: { content_type: "hg_jsonlist" },
    data: items.map((item) => JSON.stringify(item)),
  };
}
