import { beforeAll, describe, expect, it } from "vitest";
import { uniqueName } from "@/lib/testing/factories";
import { api, expectOk, generousQuota, sysadminToken } from "@/lib/testing/world";

// Names are unique where they live; a second create is 409 and leaves the first untouched.
describe("unique names", () => {
  let root: string;
  const t = uniqueName("uniq");
  const T = `/api/v1/tenants/${t}`;
  const quota = { cpu: "1", memory: "1Gi", storage: "1Gi", pods: "5" };
  const env = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    type: "dev",
    cluster: "sandbox",
    quota,
    ...extra,
  });

  beforeAll(async () => {
    root = await sysadminToken();
    await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: t, description: "first" } }), 201);
    await expectOk(api("PUT", `${T}/quotas/sandbox`, { token: root, body: generousQuota }));
    await expectOk(api("POST", `${T}/projects`, { token: root, body: { name: "shop" } }), 201);
    await expectOk(api("POST", `${T}/projects`, { token: root, body: { name: "shop-x" } }), 201);
  });

  it("a second tenant, project, environment or application of the same name is 409", async () => {
    expect(
      (await api("POST", "/api/v1/tenants", { token: root, body: { name: t, description: "second" } })).status,
    ).toBe(409);
    expect((await expectOk<{ description: string }>(api("GET", T, { token: root }))).description).toBe("first");
    expect((await api("POST", `${T}/projects`, { token: root, body: { name: "shop" } })).status).toBe(409);
    await expectOk(api("POST", `${T}/projects/shop/environments`, { token: root, body: env("dev") }), 201);
    expect((await api("POST", `${T}/projects/shop/environments`, { token: root, body: env("dev") })).status).toBe(409);
    const apps = `${T}/projects/shop/environments/dev/applications`;
    await expectOk(api("POST", apps, { token: root, body: { name: "web", image: "nginx:1.27", replicas: 0 } }), 201);
    const again = await api<{ code: string }>("POST", apps, {
      token: root,
      body: { name: "web", image: "nginx:0.1", replicas: 0 },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("CONFLICT");
    expect((await expectOk<{ image: string }>(api("GET", `${apps}/web`, { token: root }))).image).toBe("nginx:1.27");
  });

  it("the same environment name in two projects gets two namespaces; a namespace asked for twice is 409", async () => {
    const first = await expectOk<{ namespace: string }>(
      api("GET", `${T}/projects/shop/environments/dev`, { token: root }),
    );
    expect(first.namespace).toBe(`${t}-dev`);
    const second = await expectOk<{ namespace: string }>(
      api("POST", `${T}/projects/shop-x/environments`, { token: root, body: env("dev") }),
      201,
    );
    expect(second.namespace).toBe(`${t}-shop-x-dev`);
    const taken = await api<{ detail: string }>("POST", `${T}/projects/shop-x/environments`, {
      token: root,
      body: env("other", { namespace: first.namespace }),
    });
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toContain(first.namespace);
  });
});
