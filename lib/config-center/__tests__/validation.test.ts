import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildConfigWorld, createConfigKey, nacos, type ConfigKey, type ConfigWorld } from "@/lib/testing/config-world";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { api } from "@/lib/testing/world";
import { locateJsonError } from "../locate-json-error";

interface Problem {
  status: number;
  code: string;
  detail: string;
  line?: number;
  column?: number;
  errors?: { path: string; message: string }[];
}

describe("locateJsonError", () => {
  const at = locateJsonError;
  it("names the line and column of the first error", () => {
    expect(at('{\n  "a": 1,\n  "b": \n}')).toMatchObject({ line: 4, column: 1 });
    expect(at('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({
      line: 3,
      column: 3,
      message: expect.stringContaining("','"),
    });
    expect(at("[1, 2,,]")).toMatchObject({ line: 1, column: 7 });
    expect(at('{"a": "x')).toMatchObject({ line: 1, message: "Unterminated string" });
    expect(at("{} x")).toMatchObject({ line: 1, column: 4 });
    expect(at("")).toMatchObject({ line: 1, column: 1 });
    expect(at('{"a": 1, // no\n}')).toMatchObject({ line: 1, message: expect.stringContaining("Comments") });
    expect(at('{"a": [1,],}')).toMatchObject({ line: 1, column: 10 });
  });
  it("survives nesting deeper than its parser's stack", () => {
    expect(at("[".repeat(200_000)).line).toBe(1);
  });
});

describe("config input validation", () => {
  let w: ConfigWorld;
  let server: RouteServer;
  let key: ConfigKey;
  const configs = () => `${w.env("dev")}/configs`;
  const publishNacos = (params: Record<string, string>) =>
    nacos(server.origin, "POST", "/v1/cs/configs", {
      group: key.group,
      tenant: key.namespace,
      username: key.username,
      password: key.password,
      ...params,
    });

  beforeAll(async () => {
    w = await buildConfigWorld("valid");
    key = await createConfigKey(w, "dev", "read-write");
    server = await startRouteServer("app/nacos");
  });
  afterAll(() => server?.close());

  it("content over 100 KB is 413 (problem+json on the JSON API), exactly 100 KB is accepted", async () => {
    const limit = 100 * 1024;
    const big = await api<Problem>("PUT", `${configs()}/big.txt`, {
      token: w.root,
      body: { content: "x".repeat(limit + 1) },
    });
    expect(big.status).toBe(413);
    expect(big.headers.get("content-type")).toBe("application/problem+json");
    expect(big.body).toMatchObject({ status: 413, code: "TOO_LARGE" });
    // Multi-byte characters count as their UTF-8 bytes.
    expect(
      (await api("PUT", `${configs()}/big.txt`, { token: w.root, body: { content: "é".repeat(limit / 2 + 1) } }))
        .status,
    ).toBe(413);
    expect(
      (await api("PUT", `${configs()}/big.txt`, { token: w.root, body: { content: "x".repeat(limit) } })).status,
    ).toBe(200);
    expect((await publishNacos({ dataId: "big-nacos.txt", content: "y".repeat(limit + 1) })).status).toBe(413);
  });

  it("an invalid dataId is 400 on the JSON API and on Nacos; so is an invalid group on Nacos", async () => {
    const created = await api<Problem>("POST", configs(), { token: w.root, body: { dataId: "bad id!", content: "x" } });
    expect(created.status).toBe(400);
    expect(created.headers.get("content-type")).toBe("application/problem+json");
    expect(created.body).toMatchObject({ code: "BAD_REQUEST" });
    expect(created.body.errors?.[0].path).toBe("body.dataId");
    const put = await api<Problem>("PUT", `${configs()}/${encodeURIComponent("naïve.txt")}`, {
      token: w.root,
      body: { content: "x" },
    });
    expect(put.status).toBe(400);
    expect(put.body.errors?.[0].path).toBe("dataId");
    expect(
      (await api("PUT", `${configs()}/${"a".repeat(256)}`, { token: w.root, body: { content: "x" } })).status,
    ).toBe(400);
    // A field that breaks a rule (not an identifier) stays 422.
    expect(
      (await api("POST", configs(), { token: w.root, body: { dataId: "ok.txt", content: "x", type: "toml" } })).status,
    ).toBe(422);

    expect((await publishNacos({ dataId: "bad id!", content: "x" })).status).toBe(400);
    expect((await publishNacos({ dataId: "ok.txt", group: "bad group!", content: "x" })).status).toBe(400);
    expect(
      (
        await nacos(server.origin, "GET", "/v1/cs/configs", {
          dataId: "bad/id",
          group: key.group,
          tenant: key.namespace,
          username: key.username,
          password: key.password,
        })
      ).status,
    ).toBe(400);
  });

  it("a json config that does not parse is 422 naming the line and column", async () => {
    const res = await api<Problem>("PUT", `${configs()}/app.json`, {
      token: w.root,
      body: { type: "json", content: '{\n  "port": 8080,\n  "hosts": ["a" "b"]\n}' },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: "VALIDATION", line: 3, column: 17 });
    expect(res.body.detail).toMatch(/line 3, column 17/);
    expect(res.body.errors?.[0]).toMatchObject({ path: "content" });
    expect(
      (await api("PUT", `${configs()}/app.json`, { token: w.root, body: { type: "json", content: '{"port": 8080}' } }))
        .status,
    ).toBe(200);

    const viaNacos = await publishNacos({ dataId: "app2.json", type: "json", content: '{\n  "a": ,\n}' });
    expect(viaNacos.status).toBe(400);
    expect(viaNacos.text).toMatch(/line 2/);
  });

  it("a yaml config that does not parse is 422 naming the line", async () => {
    const res = await api<Problem>("PUT", `${configs()}/app.yaml`, {
      token: w.root,
      body: { type: "yaml", content: "server:\n  port: 8080\n  hosts: [a, b\nname: x\n" },
    });
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/^Invalid YAML at line \d+, column \d+/);
    expect(res.body.line).toBeGreaterThanOrEqual(3);
    const dup = await api<Problem>("PUT", `${configs()}/app.yaml`, {
      token: w.root,
      body: { type: "yaml", content: "a: 1\nb: 2\na: 3\n" },
    });
    expect(dup.status).toBe(422);
    expect(dup.body.line).toBe(3);
    expect(
      (
        await api("PUT", `${configs()}/app.yaml`, {
          token: w.root,
          body: { type: "yaml", content: "a: 1\n---\nb: 2\n" },
        })
      ).status,
    ).toBe(200);
  });

  it("form bodies labelled charset=GBK are decoded as UTF-8, and content comes back with its headers", async () => {
    const content = "greeting=你好, wörld + 100%";
    expect((await publishNacos({ dataId: "utf8.properties", type: "properties", content })).status).toBe(200);
    const read = await nacos(server.origin, "GET", "/v1/cs/configs", {
      dataId: "utf8.properties",
      group: key.group,
      tenant: key.namespace,
      username: key.username,
      password: key.password,
    });
    expect(read.text).toBe(content);
    expect(read.headers.get("content-type")).toBe("text/plain; charset=UTF-8");
    expect(read.headers.get("config-type")).toBe("properties");
    const { createHash } = await import("node:crypto");
    expect(read.headers.get("content-md5")).toBe(createHash("md5").update(content, "utf8").digest("hex"));
    const missing = await nacos(server.origin, "GET", "/v1/cs/configs", {
      dataId: "nope",
      group: key.group,
      tenant: key.namespace,
      username: key.username,
      password: key.password,
    });
    expect(missing.status).toBe(404);
    expect(missing.text).toBe("config data not exist");
  });
});
