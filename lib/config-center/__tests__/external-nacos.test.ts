import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditLogs, clusters, configBackends, configHistory, configItems } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { buildConfigWorld, createConfigKey, nacos, type ConfigKey, type ConfigWorld } from "@/lib/testing/config-world";
import { createUser, uniqueName } from "@/lib/testing/factories";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { api, expectOk, generousQuota } from "@/lib/testing/world";
import { NacosHttpBackend } from "../backend/nacos-http/backend";
import type { ConfigLocation } from "../backend/types";
import { md5Hex } from "../md5";

/*
 * The external-Nacos backend is tested against a real server of the documented v1 shape:
 * Facet's own app/nacos handlers, served over HTTP by node:http on a loopback port.
 */

// Writes do not use the transaction on this backend.
const noTx = undefined as never;
const meta = { actor: "test", clientAddress: null, source: "api" as const };

describe("NacosHttpBackend against Facet's Nacos v1 API", () => {
  let w: ConfigWorld;
  let server: RouteServer;
  let key: ConfigKey;
  let backend: NacosHttpBackend;
  let loc: ConfigLocation;

  beforeAll(async () => {
    w = await buildConfigWorld("extb");
    key = await createConfigKey(w, "dev", "read-write");
    server = await startRouteServer("app/nacos");
    // Logs in with the key (auth/login) and then sends only the accessToken.
    backend = new NacosHttpBackend({ serverAddr: server.origin, username: key.username, password: key.password });
    loc = { tenantId: 0, projectId: 0, environmentId: 0, clusterId: 0, namespace: key.namespace, group: key.group };
  });
  afterAll(() => server?.close());

  it("publishes with type and metadata, reads, lists and searches", async () => {
    expect(await backend.get(loc, "db.yaml")).toBeNull();
    const created = await backend.publish(
      noTx,
      loc,
      {
        dataId: "db.yaml",
        content: "url: a\n",
        type: "yaml",
        appName: "shop",
        description: "database",
        tags: ["db", "core"],
      },
      meta,
    );
    expect(created.op).toBe("I");
    expect(created.after).toMatchObject({
      dataId: "db.yaml",
      content: "url: a\n",
      type: "yaml",
      md5: md5Hex("url: a\n"),
      appName: "shop",
      description: "database",
      tags: ["db", "core"],
    });
    await backend.publish(
      noTx,
      loc,
      { dataId: "cache.yaml", content: "ttl: 1\n", type: "yaml", appName: "", description: "", tags: [] },
      meta,
    );
    const exact = await backend.list(loc, { pageNo: 1, pageSize: 10, dataId: "db.yaml" });
    expect(exact).toMatchObject({ total: 1, items: [{ dataId: "db.yaml", content: "url: a\n" }] });
    const blur = await backend.list(loc, { pageNo: 1, pageSize: 1, dataId: "*.yaml", blur: true });
    expect(blur.total).toBe(2);
    expect(blur.items.map((i) => i.dataId)).toEqual(["cache.yaml"]);
    expect((await backend.list(loc, { pageNo: 1, pageSize: 10, tag: "core" })).items.map((i) => i.dataId)).toEqual([
      "db.yaml",
    ]);
    expect(await backend.md5s(loc, ["db.yaml", "none"])).toEqual(
      new Map([
        ["db.yaml", md5Hex("url: a\n")],
        ["none", ""],
      ]),
    );
  });

  it("sends casMd5: a stale one is a conflict, the current one publishes", async () => {
    const stale = backend.publish(
      noTx,
      loc,
      {
        dataId: "db.yaml",
        content: "url: b\n",
        type: "yaml",
        appName: "shop",
        description: "",
        tags: [],
        casMd5: md5Hex("nope"),
      },
      meta,
    );
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT" });
    const ok = await backend.publish(
      noTx,
      loc,
      {
        dataId: "db.yaml",
        content: "url: b\n",
        type: "yaml",
        appName: "shop",
        description: "",
        tags: [],
        casMd5: md5Hex("url: a\n"),
      },
      meta,
    );
    expect(ok).toMatchObject({ op: "U", before: { content: "url: a\n" }, after: { content: "url: b\n" } });
  });

  it("lists history and reads entries (opType trimmed, Nacos' one-state rows), and rolls back", async () => {
    const history = await backend.history(loc, "db.yaml", { pageNo: 1, pageSize: 10 });
    expect(history.items.map((h) => h.op)).toEqual(["U", "I"]);
    const update = await backend.historyEntry(loc, "db.yaml", history.items[0].id);
    expect(update).toMatchObject({ op: "U", before: { content: "url: a\n", type: "yaml" }, after: null });
    const insert = await backend.historyEntry(loc, "db.yaml", history.items[1].id);
    expect(insert).toMatchObject({ op: "I", before: null, after: { content: "url: a\n" } });
    expect(await backend.historyEntry(loc, "cache.yaml", history.items[0].id)).toBeNull();

    const restored = await backend.rollback(noTx, loc, "db.yaml", history.items[0].id, meta);
    expect(restored).toMatchObject({ action: "restored", after: { content: "url: a\n", type: "yaml" } });
    const cacheHistory = await backend.history(loc, "cache.yaml", { pageNo: 1, pageSize: 10 });
    const deleted = await backend.rollback(noTx, loc, "cache.yaml", cacheHistory.items[0].id, meta);
    expect(deleted).toMatchObject({ action: "deleted", after: null });
    expect(await backend.get(loc, "cache.yaml")).toBeNull();
  });

  it("queries listeners and deletes", async () => {
    const listening = nacos(
      server.origin,
      "POST",
      "/v1/cs/configs/listener",
      {
        "Listening-Configs": `db.yaml\u0002${key.group}\u0002${md5Hex("url: a\n")}\u0002${key.namespace}\u0001`,
        username: key.username,
        password: key.password,
      },
      { "Long-Pulling-Timeout": "10000" },
    );
    await new Promise((r) => setTimeout(r, 150));
    const listeners = await backend.listeners(loc, "db.yaml");
    expect(listeners).toEqual([expect.objectContaining({ ip: "127.0.0.1", md5: md5Hex("url: a\n"), inSync: true })]);
    const removed = await backend.remove(noTx, loc, "db.yaml", meta);
    expect(removed).toMatchObject({ op: "D", before: { content: "url: a\n" } });
    expect(decodeURIComponent((await listening).text)).toContain("db.yaml");
    await expect(backend.remove(noTx, loc, "db.yaml", meta)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reports refused credentials and an unreachable server as upstream failures", async () => {
    const wrong = new NacosHttpBackend({ serverAddr: server.origin, username: key.username, password: "wrong" });
    const refused = await wrong.get(loc, "db.yaml").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "UPSTREAM", options: { upstream: { retryable: false } } });
    const down = new NacosHttpBackend({ serverAddr: "127.0.0.1:9", timeoutMs: 2000 });
    await expect(down.get(loc, "db.yaml")).rejects.toMatchObject({
      code: "UPSTREAM",
      options: { upstream: { retryable: true } },
    });
  });
});

describe("a cluster pointed at an external Nacos through /api/v1/clusters/{cluster}/config-backend", () => {
  let w: ConfigWorld;
  let server: RouteServer;
  let cluster: string;
  let operator: { username: string; password: string };
  const envPath = () => `/api/v1/tenants/${w.tenant}/projects/${w.project}/environments/ext`;
  const backendPath = () => `/api/v1/clusters/${cluster}/config-backend`;
  const put = (body: unknown, token = w.root) => api<Record<string, unknown>>("PUT", backendPath(), { token, body });

  beforeAll(async () => {
    w = await buildConfigWorld("extc");
    server = await startRouteServer("app/nacos");
    cluster = uniqueName("ext");
    await getDb().insert(clusters).values({ name: cluster, kind: "imported", server: "http://127.0.0.1:9" });
    await expectOk(api("PUT", `/api/v1/tenants/${w.tenant}/quotas/${cluster}`, { token: w.root, body: generousQuota }));
    await expectOk(
      api("POST", `/api/v1/tenants/${w.tenant}/projects/${w.project}/environments`, {
        token: w.root,
        body: { name: "ext", type: "dev", cluster, quota: { cpu: "1", memory: "1Gi", storage: "1Gi", pods: "5" } },
      }),
      201,
    );
    // Facet itself plays the external Nacos, reached with a sysadmin's own credentials.
    operator = await createUser({ username: uniqueName("nacosop"), systemRole: "sysadmin" });
  });
  afterAll(() => server?.close());

  it("starts on Facet's own store", async () => {
    expect(await expectOk(api("GET", backendPath(), { token: w.root }))).toEqual({ kind: "embedded" });
  });

  it("only a sysadmin reads or changes it", async () => {
    for (const p of [w.admin, w.dev, w.reader, w.outsider]) {
      expect((await api("GET", backendPath(), { token: p.token })).status, p.username).toBe(403);
      const refused = await put(
        { kind: "nacos", address: server.origin, username: operator.username, password: operator.password },
        p.token,
      );
      expect(refused.status, p.username).toBe(403);
    }
    expect(await expectOk(api("GET", backendPath(), { token: w.root }))).toEqual({ kind: "embedded" });
    expect((await api("GET", "/api/v1/clusters/no-such-cluster/config-backend", { token: w.root })).status).toBe(404);
  });

  it("rejects an address that is not an http(s) URL with a 422 naming the field", async () => {
    for (const address of [
      "ftp://nacos.example",
      "nacos.example:8848",
      "http://nacos.example/a/b",
      "http://u:p@nacos.example",
      "http://nacos.example?x=1",
      "",
    ]) {
      const res = await put({ kind: "nacos", address });
      expect(res.status, address).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body, address).toMatchObject({
        code: "VALIDATION",
        errors: [expect.objectContaining({ path: "body.address" })],
      });
    }
    expect((await put({ kind: "nacos" })).body).toMatchObject({
      errors: [expect.objectContaining({ path: "body.address" })],
    });
    expect((await put({ kind: "consul", address: server.origin })).body).toMatchObject({
      errors: [expect.objectContaining({ path: "body.kind" })],
    });
  });

  it("checks the server before saving: a dead one or refused credentials change nothing", async () => {
    const dead = await put({ kind: "nacos", address: "http://127.0.0.1:9" });
    expect(dead.status).toBe(502);
    expect(dead.body).toMatchObject({ code: "UPSTREAM", upstream: { name: "nacos", retryable: true } });
    const refused = await put({
      kind: "nacos",
      address: server.origin,
      username: operator.username,
      password: "not-the-password",
    });
    expect(refused.status).toBe(502);
    expect(refused.body).toMatchObject({ code: "UPSTREAM", upstream: { name: "nacos", retryable: false } });
    const anonymous = await put({ kind: "nacos", address: server.origin });
    expect(anonymous.body).toMatchObject({ code: "UPSTREAM", detail: expect.stringContaining("requires credentials") });
    expect(await expectOk(api("GET", backendPath(), { token: w.root }))).toEqual({ kind: "embedded" });
  });

  it("switches to the server, never answers the password, seals it and audits the change", async () => {
    const set = await put({
      kind: "nacos",
      address: server.origin,
      username: operator.username,
      password: operator.password,
    });
    expect(set.status).toBe(200);
    const expected = { kind: "nacos", address: server.origin, username: operator.username, hasPassword: true };
    expect(set.body).toEqual(expected);
    const read = await api("GET", backendPath(), { token: w.root });
    expect(read.body).toEqual(expected);
    for (const res of [set, read]) expect(JSON.stringify(res.body)).not.toContain(operator.password);

    const [row] = await getDb()
      .select()
      .from(configBackends)
      .innerJoin(clusters, eq(clusters.id, configBackends.clusterId))
      .where(eq(clusters.name, cluster));
    expect(row.config_backends).toMatchObject({
      serverAddr: server.origin,
      contextPath: "nacos",
      username: operator.username,
    });
    expect(row.config_backends.password).toMatch(/^v1:/);
    expect(row.config_backends.password).not.toContain(operator.password);

    const audit = await getDb()
      .select()
      .from(auditLogs)
      .where(
        and(
          eq(auditLogs.action, "configs.backend.set"),
          eq(auditLogs.target, `cluster/${cluster}`),
          eq(auditLogs.result, "success"),
        ),
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      diff: { before: { kind: "embedded" }, after: { kind: "nacos", address: server.origin } },
    });
    expect(JSON.stringify(audit[0].diff)).not.toContain(operator.password);
  });

  it("the config pages' API publishes, reads, lists history and rolls back through the external server", async () => {
    await expectOk(
      api("PUT", `${envPath()}/configs/app.yaml`, { token: w.dev.token, body: { content: "v: 1\n", type: "yaml" } }),
    );
    await expectOk(
      api("PUT", `${envPath()}/configs/app.yaml`, { token: w.dev.token, body: { content: "v: 2\n", type: "yaml" } }),
    );
    const read = await api<{ content: string; type: string }>("GET", `${envPath()}/configs/app.yaml`, {
      token: w.admin.token,
    });
    expect(read.body).toMatchObject({ content: "v: 2\n", type: "yaml" });
    expect(read.headers.get("etag")).toMatch(/^"v\d+"$/);

    // It really went through the Nacos API: the server's own rows say so.
    const stored = await getDb()
      .select({ source: configHistory.source, op: configHistory.op })
      .from(configHistory)
      .innerJoin(
        configItems,
        and(eq(configItems.environmentId, configHistory.environmentId), eq(configItems.dataId, configHistory.dataId)),
      )
      .where(eq(configItems.dataId, "app.yaml"));
    expect(stored.filter((s) => s.source === "nacos").length).toBeGreaterThanOrEqual(2);

    // An external Nacos does not say who changed a config, so the source is unknown.
    const history = await expectOk<{ items: { id: number; op: string; source: string | null }[] }>(
      api("GET", `${envPath()}/configs/app.yaml/history`, { token: w.admin.token }),
    );
    expect(history.items.map((h) => [h.op, h.source])).toEqual([
      ["U", null],
      ["I", null],
    ]);
    const rolled = await expectOk<{ action: string; config: { content: string } }>(
      api("POST", `${envPath()}/configs/app.yaml/rollback`, {
        token: w.dev.token,
        body: { historyId: history.items[0].id },
      }),
    );
    expect(rolled).toMatchObject({ action: "restored", config: { content: "v: 1\n" } });
    expect(
      (await api<{ content: string }>("GET", `${envPath()}/configs/app.yaml`, { token: w.root })).body.content,
    ).toBe("v: 1\n");

    const listeners = await api("GET", `${envPath()}/configs/app.yaml/listeners`, { token: w.admin.token });
    expect(listeners.status).toBe(200);
    expect((await api("DELETE", `${envPath()}/configs/app.yaml`, { token: w.dev.token })).status).toBe(204);
    expect((await api("GET", `${envPath()}/configs/app.yaml`, { token: w.dev.token })).status).toBe(404);
  });

  it("a change that leaves the password out keeps the stored one", async () => {
    // The default context path, spelled out, is the same server.
    const kept = await put({ kind: "nacos", address: `${server.origin}/nacos`, username: operator.username });
    expect(kept.body).toEqual({
      kind: "nacos",
      address: server.origin,
      username: operator.username,
      hasPassword: true,
    });
    // Facet still logs in with it.
    expect((await api("GET", `${envPath()}/configs`, { token: w.admin.token })).status).toBe(200);
  });

  it("Facet's RBAC still applies in front of the external server", async () => {
    // The reader reads only the environments it was made a reader of.
    expect((await api("GET", `${envPath()}/configs`, { token: w.reader.token })).status).toBe(403);
    expect(
      (await api("PUT", `${envPath()}/configs/x.txt`, { token: w.reader.token, body: { content: "x" } })).status,
    ).toBe(403);
  });

  it("switching back to embedded serves Facet's own store again", async () => {
    expect(await expectOk(put({ kind: "embedded" }))).toEqual({ kind: "embedded" });
    expect(await expectOk(api("GET", backendPath(), { token: w.root }))).toEqual({ kind: "embedded" });
    const rows = await getDb()
      .select()
      .from(configBackends)
      .innerJoin(clusters, eq(clusters.id, configBackends.clusterId))
      .where(eq(clusters.name, cluster));
    expect(rows).toEqual([]);
    // Facet's own store records who wrote and how, which an external Nacos does not.
    await expectOk(
      api("PUT", `${envPath()}/configs/local.yaml`, { token: w.dev.token, body: { content: "v: 1\n", type: "yaml" } }),
    );
    const history = await expectOk<{ items: { op: string; source: string | null; actor: string | null }[] }>(
      api("GET", `${envPath()}/configs/local.yaml/history`, { token: w.admin.token }),
    );
    expect(history.items).toEqual([expect.objectContaining({ op: "I", source: "api", actor: w.dev.username })]);
  });
});
