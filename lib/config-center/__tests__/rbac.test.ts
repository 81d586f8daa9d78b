import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { configKeys } from "@/lib/db/schema";
import {
  buildConfigWorld,
  createConfigKey,
  nacos,
  type ConfigKey,
  type ConfigWorld,
  type Person,
} from "@/lib/testing/config-world";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { api, expectOk } from "@/lib/testing/world";

describe("config center authorization: JSON API and Nacos API alike", () => {
  let w: ConfigWorld;
  let server: RouteServer;
  const cfg = (type: "dev" | "test" | "prod", rest = "") => `${w.env(type)}/configs${rest}`;

  /** Facet credentials through Nacos' login, as a Java SDK or the Nacos console would. */
  const nacosLogin = async (p: Person) => {
    const res = await nacos(server.origin, "POST", "/v1/auth/login", { username: p.username, password: p.password });
    expect(res.status, res.text).toBe(200);
    return (JSON.parse(res.text) as { accessToken: string }).accessToken;
  };
  const namespaceOf = async () =>
    (await expectOk<{ namespace: string }>(api("GET", cfg("dev", "/seed.yaml"), { token: w.root }))).namespace;

  beforeAll(async () => {
    w = await buildConfigWorld("rbac");
    server = await startRouteServer("app/nacos");
    for (const type of ["dev", "prod"] as const) {
      await expectOk(
        api("POST", cfg(type), { token: w.root, body: { dataId: "seed.yaml", content: "a: 1\n", type: "yaml" } }),
        201,
      );
    }
  });
  afterAll(() => server?.close());

  it("an environment reader sees configs, history, listeners and keys, and can change none of them", async () => {
    const t = w.reader.token;
    expect((await api("GET", cfg("prod"), { token: t })).status).toBe(200);
    expect((await api<{ content: string }>("GET", cfg("prod", "/seed.yaml"), { token: t })).body.content).toBe(
      "a: 1\n",
    );
    const history = await expectOk<{ items: { id: number }[] }>(
      api("GET", cfg("prod", "/seed.yaml/history"), { token: t }),
    );
    expect((await api("GET", cfg("prod", `/seed.yaml/history/${history.items[0].id}`), { token: t })).status).toBe(200);
    expect((await api("GET", cfg("prod", "/seed.yaml/listeners"), { token: t })).status).toBe(200);
    expect((await api("GET", `${w.env("prod")}/config-keys`, { token: t })).status).toBe(200);

    expect((await api("POST", cfg("prod"), { token: t, body: { dataId: "x.txt", content: "x" } })).status).toBe(403);
    expect(
      (await api("PUT", cfg("prod", "/seed.yaml"), { token: t, body: { content: "a: 2\n", type: "yaml" } })).status,
    ).toBe(403);
    expect((await api("DELETE", cfg("prod", "/seed.yaml"), { token: t })).status).toBe(403);
    expect(
      (await api("POST", cfg("prod", "/seed.yaml/rollback"), { token: t, body: { historyId: history.items[0].id } }))
        .status,
    ).toBe(403);
    expect(
      (await api("POST", `${w.env("prod")}/config-keys`, { token: t, body: { name: "mine", access: "read-only" } }))
        .status,
    ).toBe(403);

    // Through Nacos with the reader's own credentials: reads yes, writes no.
    const token = await nacosLogin(w.reader);
    const tenant = await namespaceOf();
    const read = await nacos(server.origin, "GET", "/v1/cs/configs", {
      dataId: "seed.yaml",
      group: "prod",
      tenant,
      accessToken: token,
    });
    expect(read.status).toBe(200);
    expect(read.text).toBe("a: 1\n");
    const write = await nacos(server.origin, "POST", "/v1/cs/configs", {
      dataId: "seed.yaml",
      group: "prod",
      tenant,
      content: "a: 3",
      accessToken: token,
    });
    expect(write.status).toBe(403);
    expect(
      (
        await nacos(server.origin, "DELETE", "/v1/cs/configs", {
          dataId: "seed.yaml",
          group: "prod",
          tenant,
          accessToken: token,
        })
      ).status,
    ).toBe(403);
  });

  it("a project dev publishes in dev but not in prod, through the JSON API and the Nacos API", async () => {
    const t = w.dev.token;
    expect((await api("PUT", cfg("dev", "/dev-only.txt"), { token: t, body: { content: "ok" } })).status).toBe(200);
    const refused = await api<{ code: string }>("PUT", cfg("prod", "/dev-only.txt"), {
      token: t,
      body: { content: "no" },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("FORBIDDEN");

    const token = await nacosLogin(w.dev);
    const tenant = await namespaceOf();
    const publish = (group: string) =>
      nacos(server.origin, "POST", "/v1/cs/configs", {
        dataId: "via-nacos.txt",
        group,
        tenant,
        content: `by dev in ${group}`,
        accessToken: token,
      });
    expect((await publish("dev")).status).toBe(200);
    expect((await publish("prod")).status).toBe(403);
    const inProd = await api("GET", cfg("prod", "/via-nacos.txt"), { token: w.root });
    expect(inProd.status).toBe(404);

    const audit = await expectOk<{ items: { actor: string; action: string; result: string; target: string }[] }>(
      api("GET", `/api/v1/audit?tenant=${w.tenant}&limit=500`, { token: w.root }),
    );
    const rows = audit.items
      .filter((i) => i.actor === w.dev.username && i.action.startsWith("configs."))
      .map((i) => `${i.action} ${i.result} ${i.target.split("/environment/")[1]}`);
    // Refused writes are recorded under the permission they lacked, from both APIs.
    expect(rows).toEqual(
      expect.arrayContaining([
        "configs.publish success dev/config/dev-only.txt",
        "configs.publish success dev/config/via-nacos.txt",
        "configs.write failure prod/dataId/dev-only.txt",
        "configs.write failure prod/config/via-nacos.txt",
      ]),
    );
  });

  it("a read-only key reads its environment and cannot publish or delete; no key sees another environment", async () => {
    const ro: ConfigKey = await createConfigKey(w, "prod", "read-only");
    const rw: ConfigKey = await createConfigKey(w, "dev", "read-write");
    const as = (k: ConfigKey) => ({ username: k.username, password: k.password, tenant: k.namespace });
    expect(
      (await nacos(server.origin, "GET", "/v1/cs/configs", { dataId: "seed.yaml", group: ro.group, ...as(ro) })).text,
    ).toBe("a: 1\n");
    expect(
      (
        await nacos(server.origin, "POST", "/v1/cs/configs", {
          dataId: "seed.yaml",
          group: ro.group,
          content: "b: 1",
          ...as(ro),
        })
      ).status,
    ).toBe(403);
    expect(
      (await nacos(server.origin, "DELETE", "/v1/cs/configs", { dataId: "seed.yaml", group: ro.group, ...as(ro) }))
        .status,
    ).toBe(403);
    // The dev key in prod's group, and in a namespace that is not its own.
    expect(
      (await nacos(server.origin, "GET", "/v1/cs/configs", { dataId: "seed.yaml", group: "prod", ...as(rw) })).status,
    ).toBe(403);
    expect(
      (
        await nacos(server.origin, "GET", "/v1/cs/configs", {
          dataId: "seed.yaml",
          group: "dev",
          ...as(rw),
          tenant: "facet-1-1",
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await nacos(server.origin, "GET", "/v1/cs/configs", {
          dataId: "seed.yaml",
          group: "dev",
          ...as(rw),
          password: "wrong",
        })
      ).status,
    ).toBe(403);
    const namespaces = JSON.parse((await nacos(server.origin, "GET", "/v1/console/namespaces", as(ro))).text) as {
      data: { namespace: string }[];
    };
    expect(namespaces.data.map((n) => n.namespace)).toEqual([ro.namespace]);
  });

  it("a key's accessToken works until the key is deleted; only a hash of the password is kept", async () => {
    const key = await createConfigKey(w, "dev", "read-write");
    const login = await nacos(server.origin, "POST", "/v1/auth/login", {
      username: key.username,
      password: key.password,
    });
    const { accessToken } = JSON.parse(login.text) as { accessToken: string };
    const get = () =>
      nacos(server.origin, "GET", "/v1/cs/configs", {
        dataId: "seed.yaml",
        group: key.group,
        tenant: key.namespace,
        accessToken,
      });
    expect((await get()).status).toBe(200);
    const listed = await expectOk<{ items: Record<string, unknown>[] }>(
      api("GET", `${w.env("dev")}/config-keys`, { token: w.reader.token }),
    );
    const mine = listed.items.find((k) => k.id === key.id)!;
    expect(mine).toMatchObject({ username: key.username, access: "read-write" });
    expect(JSON.stringify(listed)).not.toContain(key.password);
    const [stored] = await getDb().select().from(configKeys).where(eq(configKeys.id, key.id));
    expect(stored.secretHash).toBe(createHash("sha256").update(key.password).digest("hex"));
    expect((await api("DELETE", `${w.env("dev")}/config-keys/${key.id}`, { token: w.dev.token })).status).toBe(204);
    expect((await get()).status).toBe(403);
  });

  it("someone outside the tenant gets 404 from the JSON API and 403 from Nacos, and sees no namespace of it", async () => {
    for (const path of [
      cfg("dev"),
      cfg("dev", "/seed.yaml"),
      cfg("dev", "/seed.yaml/history"),
      `${w.env("dev")}/config-keys`,
    ]) {
      expect((await api("GET", path, { token: w.outsider.token })).status, path).toBe(404);
    }
    const token = await nacosLogin(w.outsider);
    const tenant = await namespaceOf();
    expect(
      (
        await nacos(server.origin, "GET", "/v1/cs/configs", {
          dataId: "seed.yaml",
          group: "dev",
          tenant,
          accessToken: token,
        })
      ).status,
    ).toBe(403);
    const namespaces = JSON.parse(
      (await nacos(server.origin, "GET", "/v1/console/namespaces", { accessToken: token })).text,
    ) as { data: { namespace: string }[] };
    expect(namespaces.data.map((n) => n.namespace)).not.toContain(tenant);
    const mine = JSON.parse(
      (await nacos(server.origin, "GET", "/v1/console/namespaces", { accessToken: await nacosLogin(w.reader) })).text,
    ) as { data: { namespace: string }[] };
    expect(mine.data.map((n) => n.namespace)).toContain(tenant);
  });

  it("every write leaves its audit row, with no config content and no key password in it", async () => {
    const secret = "db.password=hunter2-secret";
    await expectOk(
      api("PUT", cfg("dev", "/audited.properties"), {
        token: w.dev.token,
        body: { content: secret, type: "properties" },
      }),
    );
    const { items } = await expectOk<{ items: { id: number }[] }>(
      api("GET", cfg("dev", "/audited.properties/history"), { token: w.dev.token }),
    );
    await expectOk(
      api("POST", cfg("dev", "/audited.properties/rollback"), { token: w.dev.token, body: { historyId: items[0].id } }),
    );
    const key = await createConfigKey(w, "dev", "read-only", w.dev.token);
    expect((await api("DELETE", `${w.env("dev")}/config-keys/${key.id}`, { token: w.dev.token })).status).toBe(204);
    await expectOk(
      api("PUT", cfg("dev", "/audited.properties"), {
        token: w.dev.token,
        body: { content: "x=1", type: "properties" },
      }),
    );
    expect((await api("DELETE", cfg("dev", "/audited.properties"), { token: w.dev.token })).status).toBe(204);

    const audit = await expectOk<{ items: { action: string; actor: string; result: string; target: string }[] }>(
      api("GET", `/api/v1/audit?tenant=${w.tenant}&limit=500`, { token: w.root }),
    );
    const mine = audit.items.filter((i) => i.actor === w.dev.username && i.result === "success");
    const seen = mine.map((i) => `${i.action} ${i.target.split("/environment/")[1]}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        "configs.publish dev/config/audited.properties",
        "configs.rollback dev/config/audited.properties",
        "configs.delete dev/config/audited.properties",
        `configs.keys.create dev/config-key/${key.name}`,
        `configs.keys.delete dev/config-key/${key.name}`,
      ]),
    );
    const text = JSON.stringify(audit);
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain(key.password);
  });

  it("wrong Facet credentials at auth/login are refused with 403", async () => {
    const res = await nacos(server.origin, "POST", "/v1/auth/login", {
      username: w.dev.username,
      password: "not-the-password",
    });
    expect(res.status).toBe(403);
    expect((await nacos(server.origin, "GET", "/v1/cs/configs", { dataId: "seed.yaml", group: "dev" })).status).toBe(
      403,
    );
  });
});
