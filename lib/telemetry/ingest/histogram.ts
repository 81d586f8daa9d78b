// Log-scale duration buckets for the APM rollups: bucket 0 holds everything under 10 µs,
// bucket i ≥ 1 holds [10·2^((i-1)/4), 10·2^(i/4)) µs, the last one everything from ~4 min up.
// Four buckets per doubling keep a percentile within about ±9% of the exact value.
import { APM_BUCKETS } from "@/lib/db/schema/telemetry";

export { APM_BUCKETS };
const BASE_US = 10;
const PER_DOUBLING = 4;

export function bucketOf(durationUs: number): number {
  if (!(durationUs >= BASE_US)) return 0;
  return Math.min(APM_BUCKETS - 1, Math.floor(PER_DOUBLING * Math.log2(durationUs / BASE_US)) + 1);
}

export function bucketBounds(i: number): [number, number] {
  if (i === 0) return [0, BASE_US];
  return [BASE_US * 2 ** ((i - 1) / PER_DOUBLING), BASE_US * 2 ** (i / PER_DOUBLING)];
}

/** The q-quantile (0..1) of a bucketed distribution, in µs; interpolated within its bucket. */
export function quantileUs(counts: ArrayLike<number>, q: number, maxUs?: number): number | null {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (c === 0) continue;
    if (seen + c >= rank) {
      const [lo, hi] = bucketBounds(i);
      const frac = Math.min(1, Math.max(0, (rank - seen) / c));
      const value = i === 0 ? hi * frac : lo * (hi / lo) ** frac;
      return maxUs !== undefined && maxUs > 0 ? Math.min(value, maxUs) : value;
    }
    seen += c;
  }
  return maxUs ?? bucketBounds(counts.length - 1)[0];
}
