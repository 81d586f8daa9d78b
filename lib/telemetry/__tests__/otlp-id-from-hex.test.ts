import { describe, expect, it } from "vitest";
import { idFromHex, MalformedOtlp } from "../otlp/model";

describe("idFromHex", () => {
  it("reads hex ids of the right length, either case; empty or all-zero means absent", () => {
    expect(idFromHex("00F067aa0ba902b7", 8, "spanId")?.toString("hex")).toBe("00f067aa0ba902b7");
    expect(idFromHex("", 8, "spanId")).toBeNull();
    expect(idFromHex(undefined, 8, "spanId")).toBeNull();
    expect(idFromHex("0".repeat(32), 16, "traceId")).toBeNull();
  });

  it("refuses anything but exactly 2×bytes hex characters, wherever the bad character is", () => {
    const good = "0af7651916cd43dd";
    const bad = [
      "0af7651916cd43d",
      `${good}0`,
      "zaf7651916cd43dd",
      "0af7651916cd43dz",
      "0af76519 6cd43dd",
      "0af7651916cd43é1",
      "+af7651916cd43dd",
      12345678,
      {},
    ];
    for (const value of bad) expect(() => idFromHex(value, 8, "spanId"), String(value)).toThrow(MalformedOtlp);
  });
});
