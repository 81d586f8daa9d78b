import { BINARY_SUFFIXES, DECIMAL_SUFFIXES, type QuantityFormat } from "./parse-quantity";

const DECIMAL_UP = ["E", "P", "T", "G", "M", "k"] as const;

/** The canonical string Kubernetes prints for a whole number of units ("2", "128Mi", "1k"). */
export function formatUnits(value: number, format: QuantityFormat = "DecimalSI"): string {
  if (value === 0) return "0";
  if (format === "BinarySI") {
    for (const [suffix, size] of Object.entries(BINARY_SUFFIXES).reverse()) {
      if (Math.abs(value) >= size && value % size === 0) return `${value / size}${suffix}`;
    }
    if (Math.abs(value) < 1024) return String(value);
  }
  for (const suffix of DECIMAL_UP) {
    const size = DECIMAL_SUFFIXES[suffix];
    if (Math.abs(value) >= size && value % size === 0) return `${value / size}${suffix}`;
  }
  return String(value);
}

/** The canonical string for thousandths ("500m", "2", "1536Mi"). */
export function formatQuantity(milli: number, format: QuantityFormat = "DecimalSI"): string {
  if (milli % 1000 !== 0) return `${milli}m`;
  return formatUnits(milli / 1000, format);
}
