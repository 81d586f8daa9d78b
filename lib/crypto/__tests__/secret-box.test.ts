import { describe, expect, it } from "vitest";
import { open, seal } from "../secret-box";

describe("secret box", () => {
  it("round-trips, never stores the plaintext, and differs each time", () => {
    const a = seal("apiVersion: v1\ntoken: s3cret", "k1");
    const b = seal("apiVersion: v1\ntoken: s3cret", "k1");
    expect(a).not.toContain("s3cret");
    expect(a).not.toBe(b);
    expect(open(a, "k1")).toBe("apiVersion: v1\ntoken: s3cret");
  });

  it("refuses a wrong key and a tampered ciphertext", () => {
    const sealed = seal("x", "k1");
    expect(() => open(sealed, "k2")).toThrow(/AUTH_SECRET changed/);
    const tampered = sealed.slice(0, -4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(() => open(tampered, "k1")).toThrow();
  });
});
