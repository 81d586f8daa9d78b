import { describe, expect, it } from "vitest";
import { redact } from "../redact";

describe("redact", () => {
  it("hides secrets at any depth and keeps the rest", () => {
    const out = redact({
      name: "prod",
      password: "hunter2",
      kubeconfig: "apiVersion: v1",
      nested: { clientSecret: "s", accessKey: "k", items: [{ token: "t", port: 80 }] },
      at: new Date("2026-01-01T00:00:00Z"),
      env: [
        { name: "DB_PASSWORD", value: "s3cret" },
        { name: "LOG_LEVEL", value: "debug" },
      ],
    });
    expect(out).toEqual({
      name: "prod",
      password: "[redacted]",
      kubeconfig: "[redacted]",
      nested: { clientSecret: "[redacted]", accessKey: "[redacted]", items: [{ token: "[redacted]", port: 80 }] },
      at: "2026-01-01T00:00:00.000Z",
      env: [
        { name: "DB_PASSWORD", value: "[redacted]" },
        { name: "LOG_LEVEL", value: "debug" },
      ],
    });
  });
});
