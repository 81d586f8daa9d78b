import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildConfigWorld, createConfigKey, nacos, type ConfigKey, type ConfigWorld } from "@/lib/testing/config-world";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { api, expectOk } from "@/lib/testing/world";
import { md5Hex } from "../md5";

interface Side {
  content?: string | null;
  md5: string | null;
  type: string | null;
}
interface Entry {
  id: number;
  revision?: number;
  op: "I" | "U" | "D";
  source: string;
  actor: string;
  before: Side | null;
  after: Side | null;
  rollbackOf: number | null;
}

describe("history, diff, rollback and listeners", () => {
  let w: ConfigWorld;
  let server: RouteServer;
  let key: ConfigKey;
  const path = (rest = "") => `${w.env("dev")}/configs/feature.yaml${rest}`;
  const history = async () =>
    (await expectOk<{ items: Entry[]; total: number }>(api("GET", path("/history"), { token: w.root }))).items;
  const entry = (id: number) => expectOk<Entry>(api("GET", path(`/history/${id}`), { token: w.reader.token }));
  const rollback = (historyId: number) =>
    api<{ action: string; historyId: number; config: { content: string } | null }>("POST", path("/rollback"), {
      token: w.dev.token,
      body: { historyId },
    });
  const asKey = () => ({ group: key.group, tenant: key.namespace, username: key.username, password: key.password });
  const nacosGet = (dataId = "feature.yaml") => nacos(server.origin, "GET", "/v1/cs/configs", { dataId, ...asKey() });

  beforeAll(async () => {
    w = await buildConfigWorld("hist");
    key = await createConfigKey(w, "dev", "read-only");
    server = await startRouteServer("app/nacos");
    await expectOk(api("PUT", path(), { token: w.dev.token, body: { content: "flag: off\n", type: "yaml" } }));
    await expectOk(api("PUT", path(), { token: w.dev.token, body: { content: "flag: on\n", type: "yaml" } }));
    await expectOk(api("PUT", path(), { token: w.admin.token, body: { content: "flag: [broken\n", type: "text" } }));
  });
  afterAll(() => server?.close());

  it("keeps every change, newest first, with who, what and through what", async () => {
    const items = await history();
    expect(items.map((h) => [h.op, h.source, h.actor])).toEqual([
      ["U", "api", w.admin.username],
      ["U", "api", w.dev.username],
      ["I", "api", w.dev.username],
    ]);
    // Numbered per config, 1 for its first change, whatever the store's ids; on later pages too.
    expect(items.map((h) => h.revision)).toEqual([3, 2, 1]);
    const second = await expectOk<{ items: Entry[]; nextCursor: string | null }>(
      api("GET", path("/history?limit=2"), { token: w.root }),
    );
    expect(second.items.map((h) => h.revision)).toEqual([3, 2]);
    const rest = await expectOk<{ items: Entry[] }>(
      api("GET", path(`/history?limit=2&cursor=${encodeURIComponent(second.nextCursor!)}`), { token: w.root }),
    );
    expect(rest.items.map((h) => h.revision)).toEqual([1]);
    // The list leaves contents out; the entry has both sides of the diff.
    expect(items[0].before).not.toHaveProperty("content");
    const bad = await entry(items[0].id);
    expect(bad.before).toEqual({ content: "flag: on\n", md5: md5Hex("flag: on\n"), type: "yaml" });
    expect(bad.after).toEqual({ content: "flag: [broken\n", md5: md5Hex("flag: [broken\n"), type: "text" });
    const created = await entry(items[2].id);
    expect(created.before).toBeNull();
    expect(created.after?.content).toBe("flag: off\n");
  });

  it("rolls back a bad change: a new entry with source rollback, audited, and Nacos clients get the old content", async () => {
    const [bad] = await history();
    // A Nacos client waiting on the bad content is told at once.
    const waiting = nacos(
      server.origin,
      "POST",
      "/v1/cs/configs/listener",
      {
        "Listening-Configs": `feature.yaml\u0002${key.group}\u0002${md5Hex("flag: [broken\n")}\u0002${key.namespace}\u0001`,
        username: key.username,
        password: key.password,
      },
      { "Long-Pulling-Timeout": "10000" },
    );
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    const res = await rollback(bad.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ action: "restored", config: { content: "flag: on\n", type: "yaml" } });
    const woke = await waiting;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(decodeURIComponent(woke.text)).toBe(`feature.yaml\u0002${key.group}\u0002${key.namespace}\u0001\n`);

    const served = await nacosGet();
    expect(served.text).toBe("flag: on\n");
    expect(served.headers.get("config-type")).toBe("yaml");
    const [undo] = await history();
    expect(undo).toMatchObject({
      op: "U",
      source: "rollback",
      actor: w.dev.username,
      rollbackOf: bad.id,
      id: res.body.historyId,
    });
    const detail = await entry(undo.id);
    expect(detail.before?.content).toBe("flag: [broken\n");
    expect(detail.after?.content).toBe("flag: on\n");

    const audit = await expectOk<{ items: { action: string; actor: string; target: string }[] }>(
      api("GET", `/api/v1/audit?tenant=${w.tenant}&limit=200`, { token: w.root }),
    );
    expect(
      audit.items.some(
        (i) =>
          i.action === "configs.rollback" && i.actor === w.dev.username && i.target.endsWith("/config/feature.yaml"),
      ),
    ).toBe(true);
  });

  it("rolling back the creation deletes the config; rolling back that delete restores it", async () => {
    const items = await history();
    const creation = items[items.length - 1];
    const deleted = await rollback(creation.id);
    expect(deleted.body).toMatchObject({ action: "deleted", config: null });
    expect((await nacosGet()).status).toBe(404);
    const [del] = await history();
    expect(del).toMatchObject({ op: "D", source: "rollback", rollbackOf: creation.id });
    // Undoing the undo brings back what was deleted, type included.
    const restored = await rollback(del.id);
    expect(restored.body).toMatchObject({ action: "restored", config: { content: "flag: on\n", type: "yaml" } });
    expect((await nacosGet()).text).toBe("flag: on\n");
    expect((await rollback(999_999_999)).status).toBe(404);
  });

  it("serves the history through Nacos' own API, in Nacos' shapes", async () => {
    const page = JSON.parse(
      (
        await nacos(server.origin, "GET", "/v1/cs/history", {
          search: "accurate",
          dataId: "feature.yaml",
          pageNo: "1",
          pageSize: "2",
          ...asKey(),
        })
      ).text,
    ) as {
      totalCount: number;
      pageItems: { id: number; opType: string; content: string | null }[];
    };
    const ours = await history();
    expect(page.totalCount).toBe(ours.length);
    expect(page.pageItems.map((p) => p.id)).toEqual(ours.slice(0, 2).map((h) => h.id));
    const bad = ours.find((h) => h.source === "api" && h.actor === w.admin.username)!;
    // A Nacos history row holds the state before an update.
    const detail = JSON.parse(
      (await nacos(server.origin, "GET", "/v1/cs/history", { nid: String(bad.id), dataId: "feature.yaml", ...asKey() }))
        .text,
    ) as { opType: string; content: string };
    expect(detail).toMatchObject({ opType: "U", content: "flag: on\n" });
    const info = JSON.parse(
      (await nacos(server.origin, "GET", "/v1/cs/configs", { dataId: "feature.yaml", show: "all", ...asKey() })).text,
    ) as { id: number };
    const previous = JSON.parse(
      (
        await nacos(server.origin, "GET", "/v1/cs/history/previous", {
          id: String(info.id),
          dataId: "feature.yaml",
          ...asKey(),
        })
      ).text,
    ) as { id: number };
    expect(previous.id).toBe(ours[0].id);
  });
});

describe("listeners", () => {
  let w: ConfigWorld;
  let server: RouteServer;
  let key: ConfigKey;
  let other: ConfigKey;
  const listen = (k: ConfigKey, md5: string, timeout: string, dataId = "svc.properties") =>
    nacos(
      server.origin,
      "POST",
      "/v1/cs/configs/listener",
      {
        "Listening-Configs": `${dataId}\u0002${k.group}\u0002${md5}\u0002${k.namespace}\u0001`,
        username: k.username,
        password: k.password,
      },
      { "Long-Pulling-Timeout": timeout },
    );

  beforeAll(async () => {
    w = await buildConfigWorld("lsn");
    key = await createConfigKey(w, "dev", "read-only");
    other = await createConfigKey(w, "dev", "read-only");
    server = await startRouteServer("app/nacos");
    await expectOk(
      api("PUT", `${w.env("dev")}/configs/svc.properties`, {
        token: w.root,
        body: { content: "a=1", type: "properties" },
      }),
    );
  });
  afterAll(() => server?.close());

  it("lists an in-sync and an out-of-sync client, through the JSON API and Nacos", async () => {
    const inSync = listen(key, md5Hex("a=1"), "30000");
    // The stale client is answered at once: its MD5 differs.
    const stale = await listen(other, md5Hex("a=0"), "30000");
    expect(decodeURIComponent(stale.text)).toContain("svc.properties");
    await new Promise((r) => setTimeout(r, 100));
    const listed = await expectOk<{
      md5: string;
      items: { clientId: string; ip: string; md5: string; inSync: boolean; waiting: boolean }[];
    }>(api("GET", `${w.env("dev")}/configs/svc.properties/listeners`, { token: w.reader.token }));
    expect(listed.md5).toBe(md5Hex("a=1"));
    const byKey = (k: ConfigKey) => listed.items.find((i) => i.clientId.endsWith(k.username))!;
    expect(byKey(key)).toMatchObject({ ip: "127.0.0.1", inSync: true, waiting: true });
    expect(byKey(other)).toMatchObject({ inSync: false, waiting: false, md5: md5Hex("a=0") });
    const status = JSON.parse(
      (
        await nacos(server.origin, "GET", "/v1/cs/configs/listener", {
          dataId: "svc.properties",
          group: key.group,
          tenant: key.namespace,
          username: key.username,
          password: key.password,
        })
      ).text,
    ) as {
      lisentersGroupkeyStatus: Record<string, string>;
    };
    expect(Object.values(status.lisentersGroupkeyStatus).sort()).toEqual([md5Hex("a=0"), md5Hex("a=1")].sort());

    // A publish wakes the waiting client; afterwards both are out of sync until they poll again.
    await expectOk(
      api("PUT", `${w.env("dev")}/configs/svc.properties`, {
        token: w.root,
        body: { content: "a=2", type: "properties" },
      }),
    );
    expect(decodeURIComponent((await inSync).text)).toContain("svc.properties");
    const after = await expectOk<{ items: { inSync: boolean }[] }>(
      api("GET", `${w.env("dev")}/configs/svc.properties/listeners`, { token: w.root }),
    );
    expect(after.items.map((i) => i.inSync)).toEqual([false, false]);
  });

  it("holds at most timeout − 500 ms and then answers with an empty body", async () => {
    const started = Date.now();
    const res = await listen(key, md5Hex("a=2"), "1500");
    const held = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(held).toBeGreaterThanOrEqual(950);
    expect(held).toBeLessThan(1400);
  });

  it("a client holding nothing for a missing config waits, and hears of its creation", async () => {
    const waiting = listen(key, "", "10000", "later.json");
    await new Promise((r) => setTimeout(r, 200));
    await expectOk(
      api("POST", `${w.env("dev")}/configs`, {
        token: w.root,
        body: { dataId: "later.json", content: "{}", type: "json" },
      }),
      201,
    );
    expect(decodeURIComponent((await waiting).text)).toContain("later.json");
  });

  it("refuses a malformed probe and keys outside the credentials", async () => {
    const bad = await nacos(server.origin, "POST", "/v1/cs/configs/listener", {
      "Listening-Configs": "a\u0002b\u0002c\u0002d\u0002e\u0001",
      username: key.username,
      password: key.password,
    });
    expect(bad.status).toBe(400);
    const foreign = await nacos(server.origin, "POST", "/v1/cs/configs/listener", {
      "Listening-Configs": `svc.properties\u0002prod\u0002\u0002${key.namespace}\u0001`,
      username: key.username,
      password: key.password,
    });
    expect(foreign.status).toBe(403);
  });
});
