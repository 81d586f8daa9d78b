// Safe for the client: the time windows the telemetry pages offer.
export const RANGES = {
  "15m": 15 * 60_000,
  "1h": 3_600_000,
  "6h": 6 * 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
} as const;
export type Range = keyof typeof RANGES;

/** start/end from explicit params, else from a preset range ending now. */
export function windowOf(params: URLSearchParams, now: number): { start: number; end: number } {
  const end = Number(params.get("end")) || now;
  const start =
    Number(params.get("start")) || end - RANGES[(params.get("range") as Range) ?? "1h"] || end - RANGES["1h"];
  return { start, end };
}
