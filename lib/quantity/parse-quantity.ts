// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource): one grammar for the
// sandbox, quotas and forms. Safe to import from client components. Hand-written because no
// maintained npm package parses them; the grammar is small and tested against Kubernetes' cases.

export type QuantityFormat = "BinarySI" | "DecimalSI";

export const BINARY_SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
export const DECIMAL_SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

// <sign><digits>[.<digits>] then a binary suffix, a decimal suffix, or an exponent (1e3, 1E3).
const PATTERN = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

export interface Quantity {
  /** The value in whole units (cores, bytes, items); may be fractional. */
  value: number;
  /** The value in thousandths, rounded up as Kubernetes rounds requests. */
  milli: number;
  format: QuantityFormat;
}

export function parseQuantity(input: string | number): Quantity | null {
  const match = PATTERN.exec(String(input).trim());
  if (!match) return null;
  const [, number, suffix = "", exponent] = match;
  const base = Number(number);
  const binary = suffix in BINARY_SUFFIXES;
  const multiplier = binary
    ? BINARY_SUFFIXES[suffix]
    : exponent !== undefined
      ? 10 ** Number(exponent)
      : DECIMAL_SUFFIXES[suffix];
  const value = base * multiplier;
  if (!Number.isFinite(value)) return null;
  // Rounded to a millionth of a milli first, so 0.1 + binary noise does not round up a whole milli.
  const milli = Math.ceil(Math.round(value * 1000 * 1e6) / 1e6);
  return { value, milli, format: binary ? "BinarySI" : "DecimalSI" };
}

/** Thousandths of a quantity-like value, 0 when it is not one (object fields from clients). */
export function quantityMilli(input: unknown): number {
  if (typeof input !== "string" && typeof input !== "number") return 0;
  return parseQuantity(input)?.milli ?? 0;
}

export function formatOf(input: unknown): QuantityFormat {
  return typeof input === "string" ? (parseQuantity(input)?.format ?? "DecimalSI") : "DecimalSI";
}

/** A non-negative whole amount (rounded up), or null: what quotas and limits accept. */
export function parseWholeAmount(input: string | number, unit: "milli" | "units"): number | null {
  const q = parseQuantity(input);
  if (!q || q.value < 0) return null;
  const amount = unit === "milli" ? q.milli : Math.ceil(q.value - 1e-9);
  return Number.isSafeInteger(amount) ? amount : null;
}
