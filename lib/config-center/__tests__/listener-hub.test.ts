import { describe, expect, it } from "vitest";
import { ListenerHub, type WatchedKey } from "../listeners/hub";

const key = (dataId: string, md5: string, environmentId = 1): WatchedKey => ({
  environmentId,
  dataId,
  group: "dev",
  tenant: "ns",
  md5,
});
const client = (id: string) => ({ ip: "10.0.0.1", clientId: id });

describe("ListenerHub", () => {
  it("wakes a waiter when a watched key gets another MD5, and only then", async () => {
    const hub = new ListenerHub();
    const waiting = hub.register([key("a", "m1"), key("b", "m1")], client("c1")).wait(5000);
    hub.notify(1, "a", "m1"); // same content again: nothing to tell
    hub.notify(2, "a", "m2"); // another environment
    hub.notify(1, "b", "m2");
    expect((await waiting).map((k) => k.dataId)).toEqual(["b"]);
    expect(hub.waiterCount).toBe(0);
  });

  it("answers [] when the hold time passes or the client goes away", async () => {
    const hub = new ListenerHub();
    const started = Date.now();
    expect(await hub.register([key("a", "m1")], client("c1")).wait(50)).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    const abort = new AbortController();
    const waiting = hub.register([key("a", "m1")], client("c2")).wait(60_000, abort.signal);
    abort.abort();
    expect(await waiting).toEqual([]);
    expect(hub.waiterCount).toBe(0);
    hub.notify(1, "a", "m2"); // nobody left to wake
  });

  it("remembers who listened, with the MD5 they hold, and forgets quiet clients", async () => {
    let now = 1_000_000;
    const hub = new ListenerHub(() => now);
    const waiting = hub.register([key("a", "m1")], client("c1")).wait(60_000);
    hub.register([key("a", "m0")], client("c2")).finish([key("a", "m0")]);
    expect(hub.clientsOf(1, "a").map((c) => [c.clientId, c.md5, c.waiting])).toEqual([
      ["c1", "m1", true],
      ["c2", "m0", false],
    ]);
    now += 91_000;
    // The waiting client stays however long it waits; the quiet one is forgotten.
    expect(hub.clientsOf(1, "a").map((c) => c.clientId)).toEqual(["c1"]);
    hub.notify(1, "a", "m2");
    await waiting;
    now += 91_000;
    hub.sweep();
    expect(hub.clientsOf(1, "a")).toEqual([]);
  });
});
