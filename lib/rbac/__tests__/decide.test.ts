import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { decide } from "../decide";
import { PERMISSIONS } from "../permissions";

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

  it("lets a sysadmin do everything", () => {
    for (const p of PERMISSIONS) expect(decide(actor({ systemRole: "sysadmin" }), p).allow).toBe(true);
  });
});
