import type { DecodedInput } from "../model-spec";
import { V2Error } from "../v2-error";

/** The texts of the input named `args` (MLServer's positional argument), one per element. */
export function textsOf(inputs: DecodedInput[]): string[] {
  const args = inputs.find((i) => i.name === "args");
  if (!args) throw new V2Error(400, "input 'args' is missing: give the text as a BYTES input named 'args'");
  if (args.datatype !== "BYTES") throw new V2Error(400, `input 'args': datatype ${args.datatype}, expected BYTES`);
  return args.values.map((v, i) => {
    if (typeof v !== "string") throw new V2Error(400, `input 'args': element ${i} is not text (content_type str)`);
    if (v.length > 100_000) throw new V2Error(400, `input 'args': element ${i} is longer than 100,000 characters`);
    return v;
  });
}
