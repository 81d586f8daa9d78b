import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildConfigWorld, createConfigKey, nacos, type ConfigKey, type ConfigWorld } from "@/lib/testing/config-world";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { api, expectOk } from "@/lib/testing/world";
import { md5Hex } from "../md5";

interface HistoryItem {
  id: number;
  op: string;
  source: string;
  before: { md5: string | null } | null;
  after: { md5: string | null } | null;
}

describe("compare-and-set publishes", () => {
  let w: ConfigWorld;
  let server: RouteServer;
  let key: ConfigKey;
  const configs = () => `${w.env("dev")}/configs`;
  const historyOf = async (dataId: string) =>
    (
      await expectOk<{ items: HistoryItem[] }>(
        api("GET", `${configs()}/${dataId}/history?limit=200`, { token: w.root }),
      )
    ).items.reverse();

  beforeAll(async () => {
    w = await buildConfigWorld("cas");
    key = await createConfigKey(w, "dev", "read-write");
    server = await startRouteServer("app/nacos");
  });
  afterAll(() => server?.close());

  const publish = (dataId: string, content: string, casMd5?: string) =>
    nacos(
      server.origin,
      "POST",
      "/v1/cs/configs",
      { dataId, group: key.group, tenant: key.namespace, content, username: key.username, password: key.password },
      casMd5 ? { casMd5 } : {},
    );

  it("two Nacos publishes racing with the same casMd5: one wins, the other gets 409, history shows only the winner", async () => {
    await expectOk(api("POST", configs(), { token: w.root, body: { dataId: "race.txt", content: "v0" } }), 201);
    const [a, b] = await Promise.all([
      publish("race.txt", "from-a", md5Hex("v0")),
      publish("race.txt", "from-b", md5Hex("v0")),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? "from-a" : "from-b";
    expect((a.status === 200 ? a : b).text).toBe("true");

    const current = await nacos(server.origin, "GET", "/v1/cs/configs", {
      dataId: "race.txt",
      group: key.group,
      tenant: key.namespace,
      username: key.username,
      password: key.password,
    });
    expect(current.text).toBe(winner);
    const history = await historyOf("race.txt");
    expect(history.map((h) => [h.op, h.source])).toEqual([
      ["I", "api"],
      ["U", "nacos"],
    ]);
    expect(history[1].before?.md5).toBe(md5Hex("v0"));
    expect(history[1].after?.md5).toBe(md5Hex(winner));
  });

  it("a stale casMd5 is refused and changes nothing", async () => {
    const stale = await publish("race.txt", "late", md5Hex("v0"));
    expect(stale.status).toBe(409);
    expect((await historyOf("race.txt")).length).toBe(2);
  });

  it("the JSON API honours casMd5 and If-Match the same way (409 and 412)", async () => {
    const created = await api<{ md5: string; version: number }>("POST", configs(), {
      token: w.root,
      body: { dataId: "json-race.json", content: "{}", type: "json" },
    });
    expect(created.status).toBe(201);
    const etag = created.headers.get("etag")!;
    const put = (content: string, extra: { casMd5?: string; ifMatch?: string }) =>
      api("PUT", `${configs()}/json-race.json`, {
        token: w.root,
        body: { content, type: "json", casMd5: extra.casMd5 },
        headers: extra.ifMatch ? { "if-match": extra.ifMatch } : {},
      });
    const cas = await Promise.all([
      put('{"a":1}', { casMd5: created.body.md5 }),
      put('{"b":2}', { casMd5: created.body.md5 }),
    ]);
    expect(cas.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(cas.find((r) => r.status === 409)!.headers.get("content-type")).toContain("application/problem+json");
    const ifMatch = await Promise.all([put('{"c":3}', { ifMatch: etag }), put('{"d":4}', { ifMatch: etag })]);
    // The version named by the ETag is already gone: both are refused.
    expect(ifMatch.map((r) => r.status)).toEqual([412, 412]);
    const fresh = await api("GET", `${configs()}/json-race.json`, { token: w.root });
    const racing = await Promise.all([
      put('{"e":5}', { ifMatch: fresh.headers.get("etag")! }),
      put('{"f":6}', { ifMatch: fresh.headers.get("etag")! }),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual([200, 412]);
  });

  it("loses no update: concurrent read-modify-write loops with casMd5 count to the exact total", async () => {
    await expectOk(api("POST", configs(), { token: w.root, body: { dataId: "counter", content: "0" } }), 201);
    const workers = 6;
    const increments = 5;
    let refusals = 0;
    const worker = async () => {
      for (let done = 0; done < increments;) {
        const read = await nacos(server.origin, "GET", "/v1/cs/configs", {
          dataId: "counter",
          group: key.group,
          tenant: key.namespace,
          username: key.username,
          password: key.password,
        });
        const next = String(Number(read.text) + 1);
        const res = await publish("counter", next, read.headers.get("content-md5")!);
        if (res.status === 200) done++;
        else if (res.status === 409) refusals++;
        else throw new Error(`unexpected ${res.status}: ${res.text}`);
      }
    };
    await Promise.all(Array.from({ length: workers }, worker));
    const final = await expectOk<{ content: string }>(api("GET", `${configs()}/counter`, { token: w.root }));
    expect(final.content).toBe(String(workers * increments));
    expect(refusals).toBeGreaterThan(0);
    // Every update starts from exactly what the one before it left.
    const history = await historyOf("counter");
    expect(history.length).toBe(1 + workers * increments);
    for (let i = 1; i < history.length; i++) expect(history[i].before?.md5).toBe(history[i - 1].after?.md5);
  });
});
