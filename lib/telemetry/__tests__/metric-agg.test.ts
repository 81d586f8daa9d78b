import { describe, expect, it } from "vitest";
import { bucketOf, quantileUs } from "../ingest/histogram";
import { aggregate, histogramQuantile } from "../query/metric-agg";

const MIN = 60_000;
const counter = { type: "sum", temporality: 2, monotonic: true };
const p = (timeMs: number, value: number, extra: { count?: number; buckets?: unknown } = {}) => ({
  timeMs,
  value,
  count: extra.count ?? null,
  buckets: extra.buckets ?? null,
});

describe("metric aggregation per step", () => {
  it("turns a cumulative counter into a rate, across a restart", () => {
    const points = [p(-MIN, 100), p(0, 160), p(MIN, 220), p(2 * MIN, 10)];
    expect(aggregate(counter, points, "rate", 0, 3 * MIN, MIN)).toEqual([
      [0, 1],
      [MIN, 1],
      [2 * MIN, 10 / 60],
    ]);
    expect(aggregate(counter, points, "increase", 0, 3 * MIN, MIN).map(([, v]) => v)).toEqual([60, 60, 10]);
  });

  it("sums a delta counter per step and averages a gauge", () => {
    expect(
      aggregate(
        { type: "sum", temporality: 1, monotonic: true },
        [p(0, 3), p(10, 4), p(MIN, 5)],
        "increase",
        0,
        2 * MIN,
        MIN,
      ).map(([, v]) => v),
    ).toEqual([7, 5]);
    expect(
      aggregate({ type: "gauge", temporality: 0, monotonic: false }, [p(0, 2), p(10, 4)], "avg", 0, 2 * MIN, MIN),
    ).toEqual([
      [0, 3],
      [MIN, null],
    ]);
  });

  it("takes percentiles from the increase of cumulative histogram buckets", () => {
    const bounds = [10, 100, 1000];
    const h = { type: "histogram", temporality: 2, monotonic: true };
    const points = [
      p(0, 0, { count: 10, buckets: [bounds, [10, 0, 0, 0]] }),
      p(MIN, 0, { count: 20, buckets: [bounds, [10, 10, 0, 0]] }),
    ];
    // The second step's ten new observations all fall in (10, 100].
    const [, v] = aggregate(h, points, "p50", MIN, 2 * MIN, MIN)[0];
    expect(v).toBeGreaterThan(10);
    expect(v).toBeLessThanOrEqual(100);
    expect(histogramQuantile(bounds, [0, 10, 0, 0], 0.5)).toBe(55);
  });
});

describe("APM duration buckets", () => {
  it("estimate percentiles within a bucket's width", () => {
    const counts = new Array(100).fill(0);
    for (let ms = 1; ms <= 1000; ms++) counts[bucketOf(ms * 1000)]++;
    for (const [q, exact] of [
      [0.5, 500],
      [0.9, 900],
      [0.99, 990],
    ] as const) {
      const est = quantileUs(counts, q)! / 1000;
      expect(Math.abs(est - exact) / exact).toBeLessThan(0.1);
    }
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(1e12)).toBe(99);
  });
});
