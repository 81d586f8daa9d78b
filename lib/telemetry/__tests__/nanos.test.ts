import { describe, expect, it } from "vitest";
import { nanosToMicros, nanosToMillis } from "../ingest/nanos";

describe("OTLP nanoseconds", () => {
  it("keeps a time on an exact microsecond or millisecond, though its double sits below it", () => {
    const ns = Number("1795698916450000000");
    expect(ns / 1000).toBeLessThan(1795698916450000);
    expect(nanosToMicros(ns)).toBe(1795698916450000);
    expect(nanosToMillis(ns)).toBe(1795698916450);
  });

  it("floors milliseconds otherwise", () => {
    expect(nanosToMillis(Number("1795698916450900000"))).toBe(1795698916450);
  });
});
