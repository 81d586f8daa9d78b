import { beforeAll, describe, expect, it } from "vitest";
import { uniqueName } from "@/lib/testing/factories";
import { api, expectOk, generousQuota, person, sysadminToken } from "@/lib/testing/world";

describe("deletes", () => {
  let root: string;
  let owner: Awaited<ReturnType<typeof person>>;
  const t = uniqueName("del");
  const base = `/api/v1/tenants/${t}`;

  beforeAll(async () => {
    root = await sysadminToken();
    owner = await person("owner");
    await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: t } }), 201);
    await expectOk(
      api("POST", `${base}/members`, { token: root, body: { username: owner.username, role: "admin" } }),
      201,
    );
    await expectOk(api("PUT", `${base}/quotas/sandbox`, { token: root, body: generousQuota }));
    for (const p of ["a", "b"])
      await expectOk(api("POST", `${base}/projects`, { token: owner.token, body: { name: p } }), 201);
    await expectOk(
      api("POST", `${base}/projects/a/environments`, {
        token: owner.token,
        body: {
          name: "a-dev",
          type: "dev",
          cluster: "sandbox",
          quota: { cpu: "1", memory: "1Gi", storage: "1Gi", pods: "5" },
        },
      }),
      201,
    );
    await expectOk(
      api("POST", `${base}/projects/a/environments/a-dev/applications`, {
        token: owner.token,
        body: { name: "web", image: "nginx:1.27" },
      }),
      201,
    );
  });

  it("a project with environments → 409 listing them; a tenant admin cannot cascade", async () => {
    const res = await api("DELETE", `${base}/projects/a?cascade=true`, { token: owner.token });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ children: { environments: ["a-dev"] } });
  });

  it("a tenant with projects → 409 listing them", async () => {
    const res = await api("DELETE", base, { token: root });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ children: { projects: ["a", "b"] } });
  });

  it("deleting an environment takes its applications, and frees its quota", async () => {
    expect((await api("DELETE", `${base}/projects/a/environments/a-dev`, { token: owner.token })).status).toBe(204);
    expect(
      (await api("GET", `${base}/projects/a/environments/a-dev/applications/web`, { token: owner.token })).status,
    ).toBe(404);
    const q = await expectOk<{ allocated: { cpu: string } }>(
      api("GET", `${base}/quotas/sandbox`, { token: owner.token }),
    );
    expect(q.allocated.cpu).toBe("0");
    expect((await api("DELETE", `${base}/projects/a`, { token: owner.token })).status).toBe(204);
  });

  it("a sysadmin cascades a tenant delete", async () => {
    expect((await api("DELETE", `${base}?cascade=true`, { token: root })).status).toBe(204);
    expect((await api("GET", base, { token: root })).status).toBe(404);
    const audit = await expectOk<{ items: { action: string; diff: { before: { projects: string[] } } }[] }>(
      api("GET", `/api/v1/audit?action=tenants.delete&limit=50`, { token: root }),
    );
    expect(audit.items.some((i) => i.diff?.before?.projects?.join() === "b")).toBe(true);
  });
});
