import { beforeAll, describe, expect, it } from "vitest";
import { uniqueName } from "@/lib/testing/factories";
import { api, expectOk, sysadminToken } from "@/lib/testing/world";

describe("quotas", () => {
  let root: string;
  const t = uniqueName("quota");
  const base = `/api/v1/tenants/${t}`;
  const envs = `${base}/projects/p/environments`;
  const quota = (cpu: string, memory = "1Gi", storage = "1Gi", pods = "5") => ({ cpu, memory, storage, pods });

  beforeAll(async () => {
    root = await sysadminToken();
    await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: t } }), 201);
    await expectOk(api("POST", `${base}/projects`, { token: root, body: { name: "p" } }), 201);
  });

  it("refuses an environment when the tenant has no quota on the cluster", async () => {
    const res = await api("POST", envs, {
      token: root,
      body: { name: "e0", type: "dev", cluster: "sandbox", quota: quota("1") },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      shortfalls: expect.arrayContaining([{ resource: "cpu", requested: "1", allocated: "0", hard: "0" }]),
    });
  });

  it("an environment quota over the tenant's remainder → 409 stating requested, allocated and hard", async () => {
    await expectOk(
      api("PUT", `${base}/quotas/sandbox`, {
        token: root,
        body: { cpu: "4", memory: "8Gi", storage: "20Gi", pods: "20" },
      }),
    );
    await expectOk(
      api("POST", envs, { token: root, body: { name: "e1", type: "dev", cluster: "sandbox", quota: quota("3") } }),
      201,
    );
    const res = await api<{ detail: string; shortfalls: unknown[] }>("POST", envs, {
      token: root,
      body: { name: "e2", type: "dev", cluster: "sandbox", quota: quota("1500m") },
    });
    expect(res.status).toBe(409);
    expect(res.body.shortfalls).toEqual([{ resource: "cpu", requested: "1500m", allocated: "3", hard: "4" }]);
    expect(res.body.detail).toContain("cpu: requested 1500m, allocated 3, hard 4");
    // What fits is granted, and usage shows on the tenant quota.
    await expectOk(
      api("POST", envs, { token: root, body: { name: "e2", type: "dev", cluster: "sandbox", quota: quota("1") } }),
      201,
    );
    const q = await expectOk<{ allocated: { cpu: string; memory: string } }>(
      api("GET", `${base}/quotas/sandbox`, { token: root }),
    );
    expect(q.allocated).toMatchObject({ cpu: "4", memory: "2Gi" });
  });

  it("raising an environment's quota checks the remainder without counting itself", async () => {
    const over = await api("PATCH", `${envs}/e2`, { token: root, body: { quota: { cpu: "2" } } });
    expect(over.status).toBe(409);
    const lower = await expectOk<{ quota: { cpu: string } }>(
      api("PATCH", `${envs}/e1`, { token: root, body: { quota: { cpu: "2" } } }),
    );
    expect(lower.quota.cpu).toBe("2");
    await expectOk(api("PATCH", `${envs}/e2`, { token: root, body: { quota: { cpu: "2" } } }));
  });

  it("a tenant quota cannot drop below what its environments hold → 409 with the numbers", async () => {
    const res = await api<{ shortfalls: unknown[] }>("PUT", `${base}/quotas/sandbox`, {
      token: root,
      body: { cpu: "3", memory: "8Gi", storage: "20Gi", pods: "20" },
    });
    expect(res.status).toBe(409);
    expect(res.body.shortfalls).toEqual([{ resource: "cpu", requested: "3", allocated: "4", hard: "3" }]);
    const unchanged = await expectOk<{ hard: { cpu: string } }>(api("GET", `${base}/quotas/sandbox`, { token: root }));
    expect(unchanged.hard.cpu).toBe("4");
  });

  it("validates quantities in Kubernetes notation, naming the field", async () => {
    const res = await api<{ errors: { path: string }[] }>("PUT", `${base}/quotas/sandbox`, {
      token: root,
      body: { cpu: "lots", memory: "8GB", storage: "20Gi", pods: "2.5" },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e) => e.path).sort()).toEqual(["body.cpu", "body.memory", "body.pods"]);
  });

  it("racing environment creations never over-allocate the tenant", async () => {
    const t2 = uniqueName("race");
    await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: t2 } }), 201);
    await expectOk(api("POST", `/api/v1/tenants/${t2}/projects`, { token: root, body: { name: "p" } }), 201);
    await expectOk(
      api("PUT", `/api/v1/tenants/${t2}/quotas/sandbox`, {
        token: root,
        body: { cpu: "5", memory: "5Gi", storage: "5Gi", pods: "50" },
      }),
    );
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api("POST", `/api/v1/tenants/${t2}/projects/p/environments`, {
          token: root,
          body: { name: `r${i}`, type: "dev", cluster: "sandbox", quota: quota("1") },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
  });
});
