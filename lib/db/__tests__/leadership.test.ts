import { afterEach, describe, expect, it, vi } from "vitest";
import { dropProcessSingleton } from "@/lib/cache";
import { leadWhileHeld, type Leadership } from "@/lib/db/leadership";

// Each leadership holds its own connection, so two of them contend for the lock exactly as two
// processes do; the registry is dropped between them to let one process play both.
const contender = (name: string, role = { start: vi.fn(), stop: vi.fn() }) => {
  dropProcessSingleton("leadership.registry");
  return { leadership: leadWhileHeld(name, role), role };
};

const until = async (check: () => boolean, ms = 10_000) => {
  for (const end = Date.now() + ms; !check();) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe("leadership through a MariaDB user lock", () => {
  const made: Leadership[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((l) => l.resign()));
    dropProcessSingleton("leadership.registry");
  });

  it("lets exactly one contender run the role, and another take over when it goes", async () => {
    const name = `test-${Date.now()}`;
    const a = contender(name);
    made.push(a.leadership);
    await until(() => a.leadership.isLeader());
    expect(a.role.start).toHaveBeenCalledTimes(1);
    const b = contender(name);
    made.push(b.leadership);
    await new Promise((r) => setTimeout(r, 300));
    expect(b.leadership.isLeader()).toBe(false);
    expect(b.role.start).not.toHaveBeenCalled();
    // The leader's connection ends (as when its process dies): the lock goes with it.
    await a.leadership.resign();
    expect(a.role.stop).toHaveBeenCalledTimes(1);
    await until(() => b.leadership.isLeader(), 15_000);
    expect(b.role.start).toHaveBeenCalledTimes(1);
  }, 30_000);

  it("returns the same leadership for a name within one process", () => {
    const name = `test-same-${Date.now()}`;
    const a = contender(name);
    made.push(a.leadership);
    expect(leadWhileHeld(name, { start: vi.fn(), stop: vi.fn() })).toBe(a.leadership);
  });
});
