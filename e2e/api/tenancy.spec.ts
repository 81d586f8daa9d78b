import { expect, test, type APIRequestContext } from "@playwright/test";
import { admin } from "../support/accounts";
import { freshAddress } from "../support/problem";

// The seed's scenario over HTTP with bearer tokens, as a script would run it.
const suffix = `${Date.now().toString(36)}`;
const tenant = `acme-api-${suffix}`;
const base = `/api/v1/tenants/${tenant}`;
const shop = `${base}/projects/shop`;
const env = (e: string) => `${shop}/environments/${e}`;
const pw = "api-scenario-password";

async function token(request: APIRequestContext, username: string, password: string) {
  const res = await request.post("/api/v1/login", {
    data: { username, password },
    headers: { "x-forwarded-for": freshAddress() },
  });
  expect(res.status()).toBe(200);
  return (await res.json()).token as string;
}

test("the acme scenario through the JSON API", async ({ request }) => {
  const root = await token(request, admin.username, admin.password);
  const as = (t: string) => ({ authorization: `Bearer ${t}` });
  const names = {
    alice: `alice-${suffix}`,
    dan: `dan-${suffix}`,
    tess: `tess-${suffix}`,
    oscar: `oscar-${suffix}`,
    eve: `eve-${suffix}`,
  };
  for (const username of Object.values(names)) {
    expect(
      (await request.post("/api/v1/users", { headers: as(root), data: { username, password: pw } })).status(),
    ).toBe(201);
  }
  expect((await request.post("/api/v1/tenants", { headers: as(root), data: { name: tenant } })).status()).toBe(201);
  expect(
    (
      await request.put(`${base}/quotas/sandbox`, {
        headers: as(root),
        data: { cpu: "8", memory: "16Gi", storage: "100Gi", pods: "60" },
      })
    ).status(),
  ).toBe(200);
  expect(
    (
      await request.post(`${base}/members`, { headers: as(root), data: { username: names.alice, role: "admin" } })
    ).status(),
  ).toBe(201);

  const alice = await token(request, names.alice, pw);
  for (const u of [names.dan, names.tess, names.oscar])
    expect(
      (await request.post(`${base}/members`, { headers: as(alice), data: { username: u, role: "member" } })).status(),
    ).toBe(201);
  expect((await request.post(`${base}/projects`, { headers: as(alice), data: { name: "shop" } })).status()).toBe(201);
  for (const [name, type] of [
    ["shop-dev", "dev"],
    ["shop-test", "test"],
    ["shop-prod", "prod"],
  ]) {
    const res = await request.post(`${shop}/environments`, {
      headers: as(alice),
      data: { name, type, cluster: "sandbox", quota: { cpu: "1", memory: "1Gi", storage: "10Gi", pods: "10" } },
    });
    expect(res.status()).toBe(201);
    expect(await res.json()).toMatchObject({ name, namespace: `${tenant}-${name}` });
  }
  for (const [u, role] of [
    [names.dan, "dev"],
    [names.tess, "test"],
    [names.oscar, "ops"],
  ]) {
    expect((await request.post(`${shop}/members`, { headers: as(alice), data: { username: u, role } })).status()).toBe(
      201,
    );
  }

  const app = { name: "web", image: "nginx:1.27", replicas: 1, ports: [{ name: "http", port: 80 }], env: [] };
  const dan = await token(request, names.dan, pw);
  for (const e of ["shop-dev", "shop-test", "shop-prod"])
    expect((await request.get(env(e), { headers: as(dan) })).status()).toBe(200);
  expect((await request.post(`${env("shop-dev")}/applications`, { headers: as(dan), data: app })).status()).toBe(201);
  expect((await request.post(`${env("shop-test")}/applications`, { headers: as(dan), data: app })).status()).toBe(403);
  expect((await request.post(`${env("shop-prod")}/applications`, { headers: as(dan), data: app })).status()).toBe(403);

  const tess = await token(request, names.tess, pw);
  expect((await request.post(`${env("shop-test")}/applications`, { headers: as(tess), data: app })).status()).toBe(201);
  expect(
    (
      await request.post(`${env("shop-dev")}/applications`, { headers: as(tess), data: { ...app, name: "tess" } })
    ).status(),
  ).toBe(403);

  const oscar = await token(request, names.oscar, pw);
  expect((await request.post(`${env("shop-prod")}/applications`, { headers: as(oscar), data: app })).status()).toBe(
    201,
  );

  expect(
    (
      await request.put(`${env("shop-prod")}/members/${names.dan}`, { headers: as(alice), data: { role: "operator" } })
    ).status(),
  ).toBe(200);
  expect(
    (await request.patch(`${env("shop-prod")}/applications/web`, { headers: as(dan), data: { replicas: 2 } })).status(),
  ).toBe(200);

  const eve = await token(request, names.eve, pw);
  for (const path of [base, shop, env("shop-dev"), `${env("shop-dev")}/applications`, `${base}/projects`]) {
    const res = await request.get(path, { headers: as(eve) });
    expect(res.status(), path).toBe(404);
    expect(await res.text()).not.toContain("shop-dev");
  }
  expect(JSON.stringify(await (await request.get("/api/v1/tenants", { headers: as(eve) })).json())).not.toContain(
    tenant,
  );

  const audit = await (await request.get(`/api/v1/audit?tenant=${tenant}&limit=200`, { headers: as(alice) })).json();
  const actions = audit.items.map((i: { actor: string; action: string }) => `${i.actor} ${i.action}`);
  for (const line of [
    `${names.alice} projects.create`,
    `${names.dan} applications.create`,
    `${names.tess} applications.create`,
    `${names.alice} environments.members.add`,
    `${names.dan} applications.update`,
  ]) {
    expect(actions).toContain(line);
  }
});
