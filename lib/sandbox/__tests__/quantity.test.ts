import { describe, expect, it } from "vitest";
import { formatQuantity, parseQuantity } from "../quantity";

describe("quantities", () => {
  it("parse CPU and memory into thousandths", () => {
    expect(parseQuantity("500m")).toEqual({ milli: 500, format: "DecimalSI" });
    expect(parseQuantity("2")).toEqual({ milli: 2000, format: "DecimalSI" });
    expect(parseQuantity("0.25")).toEqual({ milli: 250, format: "DecimalSI" });
    expect(parseQuantity("128Mi")).toEqual({ milli: 128 * 2 ** 20 * 1000, format: "BinarySI" });
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
});
