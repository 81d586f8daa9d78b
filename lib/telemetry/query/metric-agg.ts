// Turns stored points of one series into one value per step. Pure, so it is tested alone.

export interface StoredPoint {
  timeMs: number;
  value: number | null;
  count: number | null;
  /** Histograms: [bounds, counts]; summaries: [[quantile, value]…]. */
  buckets: unknown;
}

export interface SeriesMeta {
  type: string;
  temporality: number;
  monotonic: boolean;
}

export type Agg =
  "avg" | "min" | "max" | "sum" | "last" | "rate" | "increase" | "count" | "p50" | "p90" | "p95" | "p99";

export function defaultAgg(meta: SeriesMeta): Agg {
  if (meta.type === "sum") return meta.monotonic ? "rate" : "last";
  if (meta.type === "histogram" || meta.type === "exponential_histogram") return "p90";
  if (meta.type === "summary") return "p90";
  return "avg";
}

const CUMULATIVE = 2;
const QUANTILE: Partial<Record<Agg, number>> = { p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99 };

/** Quantile from explicit-bucket counts, interpolating linearly inside the bucket. */
export function histogramQuantile(bounds: number[], counts: number[], q: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] <= 0) continue;
    if (seen + counts[i] >= rank) {
      const lo = i === 0 ? Math.min(0, bounds[0] ?? 0) : bounds[i - 1];
      const hi = i < bounds.length ? bounds[i] : bounds[bounds.length - 1];
      return lo + (hi - lo) * ((rank - seen) / counts[i]);
    }
    seen += counts[i];
  }
  return bounds[bounds.length - 1] ?? null;
}

const minus = (a: number[], b: number[] | undefined) =>
  b && b.length === a.length ? a.map((v, i) => Math.max(0, v - b[i])) : a;

/** Increase of a counter from the previous point to this one (a drop means it restarted). */
const delta = (prev: number | null | undefined, cur: number) =>
  prev === null || prev === undefined ? null : cur >= prev ? cur - prev : cur;

export function aggregate(
  meta: SeriesMeta,
  points: StoredPoint[],
  agg: Agg,
  startMs: number,
  endMs: number,
  stepMs: number,
): [number, number | null][] {
  const n = Math.max(1, Math.ceil((endMs - startMs) / stepMs));
  const buckets: StoredPoint[][] = Array.from({ length: n }, () => []);
  const prevOf = new Map<StoredPoint, StoredPoint | undefined>();
  let prev: StoredPoint | undefined;
  for (const p of points) {
    const i = Math.floor((p.timeMs - startMs) / stepMs);
    if (i >= 0 && i < n) {
      buckets[i].push(p);
      prevOf.set(p, prev);
    }
    prev = p;
  }
  const cumulative = meta.temporality === CUMULATIVE;
  const histogram = meta.type === "histogram" || meta.type === "exponential_histogram";
  return buckets.map((inStep, i) => [startMs + i * stepMs, valueOf(inStep)]);

  function increases(inStep: StoredPoint[], pick: (p: StoredPoint) => number | null): number | null {
    if (!inStep.length) return null;
    if (!cumulative) return inStep.reduce((a, p) => a + (pick(p) ?? 0), 0);
    let total: number | null = null;
    for (const p of inStep) {
      const before = prevOf.get(p);
      const d = delta(before ? pick(before) : null, pick(p) ?? 0);
      if (d !== null) total = (total ?? 0) + d;
    }
    return total;
  }

  function histogramCounts(inStep: StoredPoint[]): [number[], number[]] | null {
    if (!inStep.length) return null;
    const last = inStep[inStep.length - 1].buckets as [number[], number[]];
    if (!cumulative) {
      const sum = last[1].map((_, k) =>
        inStep.reduce((a, p) => a + ((p.buckets as [number[], number[]])[1][k] ?? 0), 0),
      );
      return [last[0], sum];
    }
    const before = prevOf.get(inStep[0]);
    return [last[0], minus(last[1], before ? (before.buckets as [number[], number[]])[1] : undefined)];
  }

  function valueOf(inStep: StoredPoint[]): number | null {
    const values = inStep.map((p) => p.value).filter((v): v is number => v !== null);
    const q = QUANTILE[agg];
    if (q !== undefined) {
      if (meta.type === "summary") {
        const last = inStep[inStep.length - 1]?.buckets as [number, number][] | undefined;
        return (
          last?.reduce<[number, number] | null>(
            (best, cur) => (!best || Math.abs(cur[0] - q) < Math.abs(best[0] - q) ? cur : best),
            null,
          )?.[1] ?? null
        );
      }
      if (!histogram) return null;
      const counts = histogramCounts(inStep);
      return counts ? histogramQuantile(counts[0], counts[1], q) : null;
    }
    const counter = meta.type === "sum" ? meta.monotonic : meta.type !== "gauge";
    switch (agg) {
      case "rate":
      case "increase": {
        const inc = counter
          ? increases(inStep, histogram || meta.type === "summary" ? (p) => p.count : (p) => p.value)
          : null;
        return inc === null ? null : agg === "rate" ? inc / (stepMs / 1000) : inc;
      }
      case "count":
        return histogram || meta.type === "summary" ? increases(inStep, (p) => p.count) : values.length;
      case "avg":
        if (histogram || meta.type === "summary") {
          const c = increases(inStep, (p) => p.count);
          const s = increases(inStep, (p) => p.value);
          return c && s !== null ? s / c : null;
        }
        return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
      case "min":
        return values.length ? Math.min(...values) : null;
      case "max":
        return values.length ? Math.max(...values) : null;
      case "sum":
        return values.length ? values.reduce((a, b) => a + b, 0) : null;
      case "last":
        return values.length ? values[values.length - 1] : null;
      default:
        return null;
    }
  }
}
