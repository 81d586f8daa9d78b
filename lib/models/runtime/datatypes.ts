// The tensor datatypes of the Open Inference Protocol and what a JSON element of each may be.

export const DATATYPES = [
  "BOOL",
  "UINT8",
  "UINT16",
  "UINT32",
  "UINT64",
  "INT8",
  "INT16",
  "INT32",
  "INT64",
  "FP16",
  "FP32",
  "FP64",
  "BYTES",
] as const;
export type Datatype = (typeof DATATYPES)[number];

const INTEGER_RANGES: Partial<Record<Datatype, [number, number]>> = {
  UINT8: [0, 255],
  UINT16: [0, 65_535],
  UINT32: [0, 4_294_967_295],
  UINT64: [0, Number.MAX_SAFE_INTEGER],
  INT8: [-128, 127],
  INT16: [-32_768, 32_767],
  INT32: [-2_147_483_648, 2_147_483_647],
  INT64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** Whether one flattened element fits the datatype (JSON has no NaN, so floats are finite numbers). */
export function elementFits(datatype: Datatype, value: unknown): boolean {
  if (datatype === "BYTES") return typeof value === "string";
  if (datatype === "BOOL") return typeof value === "boolean";
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  const range = INTEGER_RANGES[datatype];
  return range ? Number.isInteger(value) && value >= range[0] && value <= range[1] : true;
}
