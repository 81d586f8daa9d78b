import { describe, expect, it, vi } from "vitest";
import { dropProcessSingleton, peekProcessSingleton, processCache, processSingleton } from "..";

describe("processSingleton", () => {
  it("makes one instance per name, shared through globalThis, until dropped", () => {
    const make = vi.fn(() => ({ made: Math.random() }));
    const a = processSingleton("test.one", make);
    expect(processSingleton("test.one", make)).toBe(a);
    expect(make).toHaveBeenCalledTimes(1);
    // Another copy of this module (another bundle layer) finds the same instance.
    expect((globalThis as unknown as Record<symbol, unknown>)[Symbol.for("facet.test.one")]).toBe(a);
    expect(processSingleton("test.two", make)).not.toBe(a);
    dropProcessSingleton("test.one");
    expect(peekProcessSingleton("test.one")).toBeUndefined();
    expect(processSingleton("test.one", make)).not.toBe(a);
  });
});

describe("processCache", () => {
  it("is bounded by size, least recently used first", () => {
    const cache = processCache<string, number>("test.size", { max: 3, ttlMs: 60_000 });
    for (const [k, v] of [
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ] as const)
      cache.set(k, v);
    cache.get("a");
    cache.set("d", 4);
    expect([...cache.keys()].sort()).toEqual(["a", "c", "d"]);
    expect(processCache("test.size", { max: 3, ttlMs: 60_000 })).toBe(cache);
  });

  it("forgets entries older than their time to live", async () => {
    const cache = processCache<string, string>("test.ttl", { max: 10, ttlMs: 100 });
    cache.set("k", "v");
    expect(cache.get("k")).toBe("v");
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(cache.get("k")).toBeUndefined();
  });
});
