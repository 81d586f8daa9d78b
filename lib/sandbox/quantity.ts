// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource), held as integer
// thousandths so that "500m" CPU and "128Mi" memory add up exactly. Fractions of a milli
// round up, as Kubernetes does for requests.

export type QuantityFormat = "BinarySI" | "DecimalSI";

export interface Quantity {
  milli: number;
  format: QuantityFormat;
}

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const PATTERN = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

export function parseQuantity(input: string | number): Quantity | null {
  const text = String(input).trim();
  const match = PATTERN.exec(text);
  if (!match) return null;
  const [, number, suffix = "", exponent] = match;
  const base = Number(number);
  if (suffix in BINARY) return { milli: Math.ceil(base * BINARY[suffix] * 1000), format: "BinarySI" };
  const multiplier = exponent !== undefined ? 10 ** Number(exponent) : DECIMAL[suffix];
  return { milli: Math.ceil(Math.round(base * multiplier * 1000 * 1e6) / 1e6), format: "DecimalSI" };
}

export function quantityMilli(input: unknown): number {
  if (typeof input !== "string" && typeof input !== "number") return 0;
  return parseQuantity(input)?.milli ?? 0;
}

/** The canonical string Kubernetes prints for a value ("500m", "2", "128Mi", "1536Mi", "1k"). */
export function formatQuantity(milli: number, format: QuantityFormat = "DecimalSI"): string {
  if (milli === 0) return "0";
  if (milli % 1000 !== 0) return `${milli}m`;
  const value = milli / 1000;
  if (format === "BinarySI") {
    for (const [suffix, size] of Object.entries(BINARY).reverse()) {
      if (Math.abs(value) >= size && value % size === 0) return `${value / size}${suffix}`;
    }
    if (Math.abs(value) < 1024) return String(value);
  }
  for (const suffix of ["E", "P", "T", "G", "M", "k"]) {
    const size = DECIMAL[suffix];
    if (Math.abs(value) >= size && value % size === 0) return `${value / size}${suffix}`;
  }
  return String(value);
}

export function formatOf(input: unknown): QuantityFormat {
  return typeof input === "string" ? (parseQuantity(input)?.format ?? "DecimalSI") : "DecimalSI";
}
