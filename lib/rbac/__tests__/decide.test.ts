import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { decide } from "../decide";
import { isWrite, PERMISSIONS } from "../permissions";

const actor = (over: Partial<Actor> = {}): Actor => ({
  id: 1,
  username: "u",
  displayName: "U",
  systemRole: "normal",
  via: "session",
  tokenScope: "read-write",
  ...over,
});

describe("decide", () => {
  it("lets every signed-in user read themselves", () => {
    expect(decide(actor(), "me.read")).toEqual({ allow: true });
  });

  it("refuses every write to a read-only token, even a sysadmin's, and allows its reads", () => {
    const ro = actor({ systemRole: "sysadmin", tokenScope: "read-only" });
    for (const p of PERMISSIONS) expect(decide(ro, p).allow, p).toBe(!isWrite(p));
  });

  it("hides a tenant from someone outside it (404), and refuses a member without the role (403)", () => {
    const scope = { tenant: { id: 1, name: "acme" }, tenantRole: null };
    expect(decide(actor(), "tenants.read", scope)).toMatchObject({ allow: false, status: "not-found" });
    expect(decide(actor(), "tenants.update", { ...scope, tenantRole: "member" })).toMatchObject({
      allow: false,
      status: "forbidden",
    });
  });

  it("lets a sysadmin do everything", () => {
    for (const p of PERMISSIONS) expect(decide(actor({ systemRole: "sysadmin" }), p).allow).toBe(true);
  });
});
