import { describe, expect, it } from "vitest";
import { LoginThrottle } from "../login-throttle";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("LoginThrottle", () => {
  it("allows ten failures a minute per username, then asks to wait", () => {
    const c = clock();
    const throttle = new LoginThrottle(10, 60_000, c.now);
    for (let i = 0; i < 10; i++) {
      expect(throttle.retryAfter("alice", `10.0.0.${i}`)).toBe(0);
      throttle.recordFailure("alice", `10.0.0.${i}`);
      c.advance(1_000);
    }
    const wait = throttle.retryAfter("alice", "10.9.9.9");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    c.advance(wait * 1000);
    expect(throttle.retryAfter("alice", "10.9.9.9")).toBe(0);
  });

  it("counts failures per client address across usernames", () => {
    const c = clock();
    const throttle = new LoginThrottle(10, 60_000, c.now);
    for (let i = 0; i < 10; i++) throttle.recordFailure(`user${i}`, "192.0.2.1");
    expect(throttle.retryAfter("someone-new", "192.0.2.1")).toBeGreaterThan(0);
    expect(throttle.retryAfter("someone-new", "192.0.2.2")).toBe(0);
  });

  it("compares account keys as given (callers normalise them) and forgets one after a success", () => {
    const throttle = new LoginThrottle(3, 60_000, clock().now);
    for (let i = 0; i < 3; i++) throttle.recordFailure("id:7", null);
    expect(throttle.retryAfter("id:7", null)).toBeGreaterThan(0);
    expect(throttle.retryAfter("id:8", null)).toBe(0);
    throttle.recordSuccess("id:7");
    expect(throttle.retryAfter("id:7", null)).toBe(0);
  });

  it("checks the address alone when no account is given yet", () => {
    const throttle = new LoginThrottle(2, 60_000, clock().now);
    throttle.recordFailure("id:1", "192.0.2.7");
    throttle.recordFailure("id:2", "192.0.2.7");
    expect(throttle.retryAfter(null, "192.0.2.7")).toBeGreaterThan(0);
    expect(throttle.retryAfter(null, "192.0.2.8")).toBe(0);
    expect(throttle.retryAfter(null, null)).toBe(0);
  });
});
