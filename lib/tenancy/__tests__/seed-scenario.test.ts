import { beforeAll, describe, expect, it } from "vitest";
import { api, expectOk, person, smallQuota, sysadminToken } from "@/lib/testing/world";
import { uniqueName } from "@/lib/testing/factories";

// The seed's scenario through the JSON API (route handlers in-process, real MariaDB).
describe("tenancy scenario: acme / shop", () => {
  let root: string;
  const t = uniqueName("acme");
  const base = `/api/v1/tenants/${t}`;
  const shop = `${base}/projects/shop`;
  const env = (e: string) => `${shop}/environments/${e}`;
  let alice: Awaited<ReturnType<typeof person>>;
  let dan: typeof alice, tess: typeof alice, oscar: typeof alice, eve: typeof alice;

  beforeAll(async () => {
    root = await sysadminToken();
    [alice, dan, tess, oscar, eve] = await Promise.all(["alice", "dan", "tess", "oscar", "eve"].map(person));
    await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: t, description: "Acme Corp" } }), 201);
    await expectOk(
      api("PUT", `${base}/quotas/sandbox`, {
        token: root,
        body: { cpu: "8", memory: "16Gi", storage: "100Gi", pods: "60" },
      }),
    );
    await expectOk(
      api("POST", `${base}/members`, { token: root, body: { username: alice.username, role: "admin" } }),
      201,
    );
    for (const p of [dan, tess, oscar])
      await expectOk(
        api("POST", `${base}/members`, { token: alice.token, body: { username: p.username, role: "member" } }),
        201,
      );

    await expectOk(api("POST", `${base}/projects`, { token: alice.token, body: { name: "shop" } }), 201);
    for (const [name, type] of [
      ["shop-dev", "dev"],
      ["shop-test", "test"],
      ["shop-prod", "prod"],
    ]) {
      const created = await expectOk(
        api("POST", `${shop}/environments`, {
          token: alice.token,
          body: { name, type, cluster: "sandbox", quota: smallQuota },
        }),
        201,
      );
      expect(created).toMatchObject({
        name,
        type,
        cluster: "sandbox",
        namespace: `${t}-${name}`,
        quota: { cpu: "1", memory: "1Gi", storage: "10Gi", pods: "10" },
      });
    }
    for (const [p, role] of [
      [dan, "dev"],
      [tess, "test"],
      [oscar, "ops"],
    ] as const) {
      await expectOk(api("POST", `${shop}/members`, { token: alice.token, body: { username: p.username, role } }), 201);
    }
  });

  const app = (name: string) => ({
    name,
    image: "nginx:1.27",
    replicas: 1,
    ports: [{ name: "http", port: 80 }],
    env: [{ name: "MODE", value: "demo" }],
  });

  it("dan reads all three environments, writes only shop-dev", async () => {
    for (const e of ["shop-dev", "shop-test", "shop-prod"])
      expect((await api("GET", env(e), { token: dan.token })).status).toBe(200);
    expect((await api("POST", `${env("shop-dev")}/applications`, { token: dan.token, body: app("web") })).status).toBe(
      201,
    );
    expect((await api("POST", `${env("shop-test")}/applications`, { token: dan.token, body: app("web") })).status).toBe(
      403,
    );
    expect((await api("POST", `${env("shop-prod")}/applications`, { token: dan.token, body: app("web") })).status).toBe(
      403,
    );
  });

  it("tess writes only shop-test; oscar writes all three", async () => {
    expect(
      (await api("POST", `${env("shop-test")}/applications`, { token: tess.token, body: app("tess-app") })).status,
    ).toBe(201);
    expect(
      (await api("POST", `${env("shop-dev")}/applications`, { token: tess.token, body: app("tess-app") })).status,
    ).toBe(403);
    expect(
      (await api("POST", `${env("shop-prod")}/applications`, { token: tess.token, body: app("tess-app") })).status,
    ).toBe(403);
    for (const e of ["shop-dev", "shop-test", "shop-prod"]) {
      expect((await api("POST", `${env(e)}/applications`, { token: oscar.token, body: app("oscar-app") })).status).toBe(
        201,
      );
    }
  });

  it("dan writes shop-prod once alice makes him its operator", async () => {
    expect(
      (await api("PATCH", `${env("shop-prod")}/applications/oscar-app`, { token: dan.token, body: { replicas: 2 } }))
        .status,
    ).toBe(403);
    await expectOk(
      api("PUT", `${env("shop-prod")}/members/${dan.username}`, { token: alice.token, body: { role: "operator" } }),
    );
    const patched = await expectOk(
      api("PATCH", `${env("shop-prod")}/applications/oscar-app`, { token: dan.token, body: { replicas: 2 } }),
    );
    expect(patched).toMatchObject({ replicas: 2 });
  });

  it("a user outside acme gets 404 on every acme URL and sees no acme name in any list", async () => {
    for (const path of [
      base,
      `${base}/members`,
      `${base}/projects`,
      shop,
      `${shop}/members`,
      `${shop}/environments`,
      env("shop-dev"),
      `${env("shop-dev")}/applications`,
      `${env("shop-dev")}/applications/web`,
      `${base}/quotas/sandbox`,
    ]) {
      const res = await api("GET", path, { token: eve.token });
      expect(res.status, path).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain("shop");
    }
    // The same answer as for a tenant that does not exist at all.
    const ghost = await api("GET", `/api/v1/tenants/${uniqueName("ghost")}/projects/shop`, { token: eve.token });
    const real = await api("GET", shop, { token: eve.token });
    expect((real.body as { detail: string }).detail).toBe((ghost.body as { detail: string }).detail);
    const tenants = await expectOk(api("GET", "/api/v1/tenants?limit=200", { token: eve.token }));
    expect(JSON.stringify(tenants)).not.toContain(t);
    expect((await api("GET", `/api/v1/audit?tenant=${t}`, { token: eve.token })).status).toBe(404);
  });

  it("only tenant members can be added to a project", async () => {
    const res = await api("POST", `${shop}/members`, {
      token: alice.token,
      body: { username: eve.username, role: "dev" },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ errors: [{ path: "body.username" }] });
  });

  it("every write has its audit row", async () => {
    const audit = await expectOk<{ items: { action: string; actor: string; target: string; requestId: string }[] }>(
      api("GET", `/api/v1/audit?tenant=${t}&limit=500`, { token: alice.token }),
    );
    const seen = audit.items.map((i) => `${i.actor} ${i.action} ${i.target}`);
    const expected = [
      `${alice.username} projects.create tenant/${t}/project/shop`,
      `${alice.username} environments.create tenant/${t}/project/shop/environment/shop-prod`,
      `${dan.username} applications.create tenant/${t}/project/shop/environment/shop-dev/application/web`,
      `${oscar.username} applications.create tenant/${t}/project/shop/environment/shop-prod/application/oscar-app`,
      `${alice.username} environments.members.add tenant/${t}/project/shop/environment/shop-prod/member/${dan.username}`,
      `${dan.username} applications.update tenant/${t}/project/shop/environment/shop-prod/application/oscar-app`,
      `${alice.username} projects.members.add tenant/${t}/project/shop/member/${oscar.username}`,
    ];
    for (const line of expected) expect(seen).toContain(line);
    expect(audit.items.every((i) => i.requestId)).toBe(true);
    // Refused writes leave a failure row too: dan's attempt on shop-test.
    const refused = audit.items
      .filter((i) => i.actor === dan.username && (i as { result?: string }).result === "failure")
      .map((i) => `${i.action} ${i.target}`);
    expect(refused).toContain(`applications.create tenant/${t}/project/shop/environment/shop-test`);
  });
});
