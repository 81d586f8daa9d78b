import { freePort } from "@/lib/testing/free-port";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { NacosConfigClient as Client } from "nacos";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildConfigWorld, createConfigKey, type ConfigKey, type ConfigWorld } from "@/lib/testing/config-world";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { api, expectOk } from "@/lib/testing/world";

// The real `nacos` npm client (NacosConfigClient) against Facet's app/nacos handlers over HTTP.

// The SDK's typings demand a `unit`; at run time it defaults to the current one.
const typed = (type: string) => ({ type }) as { type: string; unit: string };

describe("the nacos npm client against Facet", () => {
  let w: ConfigWorld;
  let server: RouteServer;
  let key: ConfigKey;
  let client: Client;
  let cacheDir: string;

  beforeAll(async () => {
    w = await buildConfigWorld("sdk");
    key = await createConfigKey(w, "dev", "read-write");
    server = await startRouteServer("app/nacos");
    cacheDir = mkdtempSync(join(tmpdir(), "facet-nacos-sdk-"));
    // cluster-client elects a leader on a local port; keep it away from any other process.
    process.env.NODE_CLUSTER_CLIENT_PORT = String(await freePort());
    const { NacosConfigClient } = await import("nacos");
    client = new NacosConfigClient({
      serverAddr: server.address,
      namespace: key.namespace,
      username: key.username,
      password: key.password,
      cacheDir,
      requestTimeout: 5000,
    });
    await client.ready();
  });

  afterAll(async () => {
    await client?.close();
    await server?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it("publishes UTF-8 content and reads it back; the change is recorded as coming through nacos", async () => {
    const content = "name: 配置中心\nport: 8080\n";
    expect(await client.publishSingle("app.yaml", key.group, content, typed("yaml"))).toBe(true);
    expect(await client.getConfig("app.yaml", key.group)).toBe(content);
    const viaApi = await expectOk<{ content: string; type: string; md5: string }>(
      api("GET", `${w.env("dev")}/configs/app.yaml`, { token: w.root }),
    );
    expect(viaApi).toMatchObject({ content, type: "yaml" });
    const history = await expectOk<{ items: { source: string; actor: string }[] }>(
      api("GET", `${w.env("dev")}/configs/app.yaml/history`, { token: w.root }),
    );
    expect(history.items[0]).toMatchObject({ source: "nacos", actor: key.username });
  });

  it("a subscription hears of a change published through the JSON API within 1 s", async () => {
    const seen: (string | null)[] = [];
    let changedAt = 0;
    let listener: (content: string | null) => void = () => {};
    const heard = new Promise<void>((resolve) => {
      listener = (content) => {
        seen.push(content);
        if (content === "mode=blue") {
          changedAt = Date.now();
          resolve();
        }
      };
      client.subscribe({ dataId: "live.properties", group: key.group }, listener);
    });
    // The first callback says the config does not exist yet; then the long poll is waiting.
    await expect.poll(() => seen.length, { timeout: 5000 }).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    await expectOk(
      api("PUT", `${w.env("dev")}/configs/live.properties`, {
        token: w.admin.token,
        body: { content: "mode=blue", type: "properties" },
      }),
    );
    await heard;
    expect(changedAt - started).toBeLessThan(1000);
    client.unSubscribe({ dataId: "live.properties", group: key.group }, listener);
  });

  it("removes a config; reading it then gives null", async () => {
    await client.publishSingle("gone.txt", key.group, "bye", typed("text"));
    expect(await client.remove("gone.txt", key.group)).toBe(true);
    expect(await client.getConfig("gone.txt", key.group)).toBeNull();
    const res = await api("GET", `${w.env("dev")}/configs/gone.txt`, { token: w.root });
    expect(res.status).toBe(404);
  });
});
