import { describe, expect, it } from "vitest";
import { AuditQuery } from "../schemas";

describe("AuditQuery", () => {
  it("reads a date-only range as whole days, so picking today as `to` keeps today's entries", () => {
    const q = AuditQuery.parse({ from: "2026-11-26", to: "2026-11-26" });
    expect(q.from?.toISOString()).toBe("2026-11-26T00:00:00.000Z");
    expect(q.to?.toISOString()).toBe("2026-11-26T23:59:59.999Z");
  });

  it("keeps exact instants as given", () => {
    const q = AuditQuery.parse({ to: "2026-11-26T08:30:00+08:00" });
    expect(q.to?.toISOString()).toBe("2026-11-26T00:30:00.000Z");
  });

  it("refuses what is not a date", () => {
    expect(AuditQuery.safeParse({ to: "yesterday" }).success).toBe(false);
  });
});
