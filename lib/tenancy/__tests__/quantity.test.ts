import { describe, expect, it } from "vitest";
import { formatBytes, formatCpu, parseBytes, parseCount, parseCpu } from "../quantity";

describe("Kubernetes quantities", () => {
  it.each([
    ["500m", 500],
    ["2", 2000],
    ["0.5", 500],
    [".25", 250],
    ["1.5", 1500],
    [3, 3000],
    ["0.0001", 1],
    // Kubernetes' grammar, as the sandbox and kube-apiserver read it.
    ["1e3", 1_000_000],
    ["2E0", 2000],
  ])("cpu %s = %d millicores", (input, milli) => expect(parseCpu(input)).toBe(milli));

  it.each(["", "m", "2 cores", "-1", "-500m", "1.2.3", "1e999"])("cpu %j is refused", (input) =>
    expect(parseCpu(input)).toBeNull(),
  );

  it.each([
    ["512Mi", 512 * 2 ** 20],
    ["2Gi", 2 * 2 ** 30],
    ["1G", 1e9],
    ["1500k", 1_500_000],
    ["1024", 1024],
    ["1.5Gi", 1.5 * 2 ** 30],
  ])("bytes %s = %d", (input, bytes) => expect(parseBytes(input)).toBe(bytes));

  it.each(["", "Gi", "1gb", "1 Gi", "-5Mi", "12Xi"])("bytes %j is refused", (input) =>
    expect(parseBytes(input)).toBeNull(),
  );

  it("counts pods as whole numbers", () => {
    expect(parseCount("20")).toBe(20);
    expect(parseCount(7)).toBe(7);
    expect(parseCount("2.5")).toBeNull();
  });

  it("formats canonical amounts back in the shortest exact notation", () => {
    expect(formatCpu(2000)).toBe("2");
    expect(formatCpu(1500)).toBe("1500m");
    expect(formatBytes(2 * 2 ** 30)).toBe("2Gi");
    expect(formatBytes(1e9)).toBe("1G");
    expect(formatBytes(1_500_000)).toBe("1500k");
    expect(formatBytes(1023)).toBe("1023");
  });
});
