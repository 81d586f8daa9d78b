import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildConfigWorld, createConfigKey, nacos, type ConfigKey, type ConfigWorld } from "@/lib/testing/config-world";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { api, expectOk } from "@/lib/testing/world";

interface Page {
  totalCount: number;
  pageNumber: number;
  pagesAvailable: number;
  pageItems: {
    dataId: string;
    group: string;
    tenant: string;
    content: string;
    md5: string;
    type: string;
    appName: string;
  }[];
}

describe("Facet's Nacos v1 API: login, search, details, namespaces", () => {
  let w: ConfigWorld;
  let server: RouteServer;
  let key: ConfigKey;
  let adminToken: string;
  const search = async (params: Record<string, string>, auth: Record<string, string>) => {
    const res = await nacos(server.origin, "GET", "/v1/cs/configs", {
      pageNo: "1",
      pageSize: "10",
      ...params,
      ...auth,
    });
    expect(res.status, res.text).toBe(200);
    return JSON.parse(res.text) as Page;
  };

  beforeAll(async () => {
    w = await buildConfigWorld("napi");
    key = await createConfigKey(w, "dev", "read-only");
    server = await startRouteServer("app/nacos");
    for (const [type, dataId, appName] of [
      ["dev", "order.yaml", "order"],
      ["dev", "order-db.yaml", "order"],
      ["dev", "user.yaml", "user"],
      ["test", "order.yaml", "order"],
      ["prod", "order.yaml", "order"],
    ]) {
      await expectOk(
        api("PUT", `${w.env(type as "dev")}/configs/${dataId}`, {
          token: w.root,
          body: { content: `app: ${appName}\n`, type: "yaml", appName, tags: ["t1"] },
        }),
      );
    }
    const login = await nacos(server.origin, "POST", "/v1/auth/login", {
      username: w.admin.username,
      password: w.admin.password,
    });
    const body = JSON.parse(login.text) as {
      accessToken: string;
      tokenTtl: number;
      globalAdmin: boolean;
      username: string;
    };
    expect(body).toMatchObject({ tokenTtl: expect.any(Number), globalAdmin: false, username: w.admin.username });
    expect(login.headers.get("authorization")).toBe(`Bearer ${body.accessToken}`);
    adminToken = body.accessToken;
  });
  afterAll(() => server?.close());

  it("accurate search within a group, by dataId and appName, paged", async () => {
    const auth = { username: key.username, password: key.password, tenant: key.namespace };
    const all = await search({ search: "accurate", dataId: "", group: "dev" }, auth);
    expect(all.totalCount).toBe(3);
    expect(all.pageItems.map((i) => i.dataId)).toEqual(["order-db.yaml", "order.yaml", "user.yaml"]);
    expect(all.pageItems[0]).toMatchObject({
      group: "dev",
      tenant: key.namespace,
      type: "yaml",
      content: "app: order\n",
    });
    expect((await search({ search: "accurate", dataId: "order.yaml", group: "dev" }, auth)).totalCount).toBe(1);
    expect(
      (await search({ search: "accurate", dataId: "", group: "dev", appName: "user" }, auth)).pageItems.map(
        (i) => i.dataId,
      ),
    ).toEqual(["user.yaml"]);
    const second = await search({ search: "accurate", dataId: "", group: "dev", pageNo: "2", pageSize: "2" }, auth);
    expect(second).toMatchObject({ totalCount: 3, pageNumber: 2, pagesAvailable: 2 });
    expect(second.pageItems.map((i) => i.dataId)).toEqual(["user.yaml"]);
  });

  it("blur search: * is the wildcard, across every group the caller may read", async () => {
    // The admin signed in with Facet credentials: the project's namespace is the key's too.
    const auth = { accessToken: adminToken, tenant: key.namespace };
    const orders = await search({ search: "blur", dataId: "order*", group: "" }, auth);
    expect(orders.totalCount).toBe(4);
    expect(orders.pageItems.map((i) => `${i.group}/${i.dataId}`)).toEqual([
      "dev/order-db.yaml",
      "dev/order.yaml",
      "prod/order.yaml",
      "test/order.yaml",
    ]);
    expect((await search({ search: "blur", dataId: "*db*", group: "" }, auth)).pageItems.map((i) => i.dataId)).toEqual([
      "order-db.yaml",
    ]);
    // Without a wildcard blur is exact, as in Nacos.
    expect((await search({ search: "blur", dataId: "order", group: "" }, auth)).totalCount).toBe(0);
    expect((await search({ search: "blur", dataId: "", group: "pro*" }, auth)).pageItems.map((i) => i.group)).toEqual([
      "prod",
    ]);
    const paged = await search({ search: "blur", dataId: "order*", group: "", pageNo: "2", pageSize: "3" }, auth);
    expect(paged.pageItems.map((i) => `${i.group}/${i.dataId}`)).toEqual(["test/order.yaml"]);
  });

  it("show=all gives the console's details; the key's own namespace is the default", async () => {
    const res = await nacos(server.origin, "GET", "/v1/cs/configs", {
      dataId: "order.yaml",
      group: "dev",
      show: "all",
      username: key.username,
      password: key.password,
    });
    const info = JSON.parse(res.text) as Record<string, unknown>;
    expect(info).toMatchObject({
      dataId: "order.yaml",
      group: "dev",
      tenant: key.namespace,
      type: "yaml",
      appName: "order",
      configTags: "t1",
      content: "app: order\n",
    });
    expect(typeof info.modifyTime).toBe("number");
  });

  it("namespaces: the ones the credentials can see", async () => {
    const res = JSON.parse(
      (await nacos(server.origin, "GET", "/v1/console/namespaces", { accessToken: adminToken })).text,
    ) as { code: number; data: { namespace: string; namespaceShowName: string; configCount: number; type: number }[] };
    expect(res.code).toBe(200);
    expect(res.data).toEqual([
      expect.objectContaining({
        namespace: key.namespace,
        namespaceShowName: `${w.tenant}/${w.project}`,
        configCount: 5,
        type: 2,
      }),
    ]);
  });

  it("the JSON API lists with a filter and cursor paging", async () => {
    const first = await expectOk<{
      items: { dataId: string; content?: string }[];
      total: number;
      nextCursor: string | null;
    }>(api("GET", `${w.env("dev")}/configs?q=order&limit=1`, { token: w.reader.token }));
    expect(first).toMatchObject({ total: 2, items: [{ dataId: "order-db.yaml" }] });
    expect(first.items[0]).not.toHaveProperty("content");
    const second = await expectOk<{ items: { dataId: string }[]; nextCursor: string | null }>(
      api("GET", `${w.env("dev")}/configs?q=order&limit=1&cursor=${first.nextCursor}`, { token: w.reader.token }),
    );
    expect(second).toMatchObject({ items: [{ dataId: "order.yaml" }], nextCursor: null });
    expect(
      (await expectOk<{ total: number }>(api("GET", `${w.env("dev")}/configs?appName=user`, { token: w.reader.token })))
        .total,
    ).toBe(1);
  });
});
