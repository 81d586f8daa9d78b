import { describe, expect, it } from "vitest";
import { formatQuantity, parseQuantity, parseWholeAmount } from "..";
import { formatBytes, formatCpu, parseBytes, parseCpu } from "@/lib/tenancy/quantity";

describe("quantities", () => {
  it("parse CPU and memory into thousandths", () => {
    expect(parseQuantity("500m")).toMatchObject({ milli: 500, format: "DecimalSI" });
    expect(parseQuantity("2")).toMatchObject({ milli: 2000, format: "DecimalSI" });
    expect(parseQuantity("0.25")).toMatchObject({ milli: 250, format: "DecimalSI" });
    expect(parseQuantity("128Mi")).toMatchObject({ milli: 128 * 2 ** 20 * 1000, format: "BinarySI" });
    expect(parseQuantity("1G")?.milli).toBe(1e12);
    expect(parseQuantity("1e3")?.milli).toBe(1e6);
    expect(parseQuantity("lots")).toBeNull();
  });

  it("print the canonical form Kubernetes uses", () => {
    expect(formatQuantity(1500)).toBe("1500m");
    expect(formatQuantity(2000)).toBe("2");
    expect(formatQuantity(1536 * 2 ** 20 * 1000, "BinarySI")).toBe("1536Mi");
    expect(formatQuantity(2 * 2 ** 30 * 1000, "BinarySI")).toBe("2Gi");
    expect(formatQuantity(1_000_000, "DecimalSI")).toBe("1k");
    expect(formatQuantity(0)).toBe("0");
  });

  it("is one grammar for the sandbox, quotas and forms: Kubernetes' own", () => {
    // Exponents, signs and sub-milli suffixes are quantities wherever Facet reads one.
    for (const text of ["1e3", "1E3", "+2", "1.", ".5", "100n", "3u", "1E"]) {
      expect(parseQuantity(text), text).not.toBeNull();
    }
    expect(parseQuantity("1E")?.value).toBe(1e18);
    expect(parseQuantity("1E3")?.value).toBe(1000);
    expect(parseCpu("1e3")).toBe(parseQuantity("1e3")?.milli);
    expect(parseBytes("1e3")).toBe(1000);
    expect(parseBytes("1.5Gi")).toBe(parseWholeAmount("1.5Gi", "units"));
    for (const text of ["", "1 Gi", "1gb", "Mi", "1.2.3", "0x10", "1e", "--1", "1Ki1"])
      expect(parseQuantity(text), text).toBeNull();
  });

  it("refuses negative and unrepresentable amounts for quotas", () => {
    expect(parseWholeAmount("-1", "milli")).toBeNull();
    expect(parseWholeAmount("1e400", "units")).toBeNull();
    expect(parseWholeAmount("16Ei", "milli")).toBeNull();
    expect(parseWholeAmount("4Pi", "units")).toBe(4 * 2 ** 50);
    expect(formatBytes(4 * 2 ** 50)).toBe("4Pi");
    expect(formatCpu(parseCpu("0.0001")!)).toBe("1m");
  });
});
