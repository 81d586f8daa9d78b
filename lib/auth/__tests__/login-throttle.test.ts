import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { loginFailures } from "@/lib/db/schema";
import { uniqueName } from "@/lib/testing/factories";
import { LoginThrottle, MAX_FAILURES } from "../login-throttle";

// The rule over the database (what every replica reads); keys unique per test so files sharing
// the database do not see each other's failures.
describe("LoginThrottle", () => {
  const throttle = new LoginThrottle();
  it("allows ten failures a minute per account, then asks to wait at most a minute", async () => {
    const alice = uniqueName("id");
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await throttle.retryAfter(alice, `10.1.0.${i}`)).toBe(0);
      await throttle.recordFailure(alice, `10.1.0.${i}`);
    }
    const wait = await throttle.retryAfter(alice, "10.9.9.9");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
  });

  it("counts failures per client address across accounts", async () => {
    const address = `192.0.2.${Math.floor(Math.random() * 200) + 1}-${uniqueName("a")}`;
    for (let i = 0; i < MAX_FAILURES; i++) await throttle.recordFailure(uniqueName("id"), address);
    expect(await throttle.retryAfter(uniqueName("new"), address)).toBeGreaterThan(0);
    expect(await throttle.retryAfter(uniqueName("new"), `${address}-other`)).toBe(0);
  });

  it("compares account keys as given (callers normalise them) and forgets one after a success", async () => {
    const seven = uniqueName("id");
    for (let i = 0; i < MAX_FAILURES; i++) await throttle.recordFailure(seven, null);
    expect(await throttle.retryAfter(seven, null)).toBeGreaterThan(0);
    expect(await throttle.retryAfter(seven.toUpperCase(), null)).toBe(0);
    await throttle.recordSuccess(seven);
    expect(await throttle.retryAfter(seven, null)).toBe(0);
  });

  it("checks the address alone when no account is given yet", async () => {
    const address = uniqueName("addr");
    for (let i = 0; i < MAX_FAILURES; i++) await throttle.recordFailure(uniqueName("id"), address);
    expect(await throttle.retryAfter(null, address)).toBeGreaterThan(0);
    expect(await throttle.retryAfter(null, `${address}x`)).toBe(0);
    expect(await throttle.retryAfter(null, null)).toBe(0);
  });

  it("forgets failures older than the window when swept", async () => {
    const old = uniqueName("id");
    await throttle.recordFailure(old, null);
    await getDb()
      .update(loginFailures)
      .set({ at: new Date(Date.now() - 10 * 60_000) });
    await throttle.sweep();
    expect(await getDb().select().from(loginFailures)).toHaveLength(0);
  });
});
