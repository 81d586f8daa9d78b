import { beforeAll, describe, expect, it } from "vitest";
import { uniqueName } from "@/lib/testing/factories";
import { api, expectOk, generousQuota, sysadminToken } from "@/lib/testing/world";

describe("optimistic concurrency", () => {
  let root: string;
  const t = uniqueName("occ");
  const app = `/api/v1/tenants/${t}/projects/p/environments/e/applications/web`;

  beforeAll(async () => {
    root = await sysadminToken();
    await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: t } }), 201);
    await expectOk(api("PUT", `/api/v1/tenants/${t}/quotas/sandbox`, { token: root, body: generousQuota }));
    await expectOk(api("POST", `/api/v1/tenants/${t}/projects`, { token: root, body: { name: "p" } }), 201);
    await expectOk(
      api("POST", `/api/v1/tenants/${t}/projects/p/environments`, {
        token: root,
        body: {
          name: "e",
          type: "dev",
          cluster: "sandbox",
          quota: { cpu: "1", memory: "1Gi", storage: "1Gi", pods: "5" },
        },
      }),
      201,
    );
    await expectOk(
      api("POST", `/api/v1/tenants/${t}/projects/p/environments/e/applications`, {
        token: root,
        body: { name: "web", image: "nginx:1.27", replicas: 0 },
      }),
      201,
    );
  });

  it("GET returns an ETag; PATCH with a stale If-Match → 412 and changes nothing", async () => {
    const first = await api("GET", app, { token: root });
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"v\d+"$/);
    const ok = await api("PATCH", app, { token: root, body: { image: "nginx:1.28" }, headers: { "if-match": etag } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("etag")).not.toBe(etag);
    const stale = await api("PATCH", app, { token: root, body: { image: "nginx:0.1" }, headers: { "if-match": etag } });
    expect(stale.status).toBe(412);
    expect((await expectOk<{ image: string }>(api("GET", app, { token: root }))).image).toBe("nginx:1.28");
  });

  it("20 edits racing on one ETag: exactly one wins", async () => {
    const etag = (await api("GET", app, { token: root })).headers.get("etag")!;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api("PATCH", app, { token: root, body: { replicas: i + 1 }, headers: { "if-match": etag } }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(19);
  });

  it("20 read-modify-write clients that retry on 412 lose no update", async () => {
    const start = (await expectOk<{ replicas: number }>(api("PATCH", app, { token: root, body: { replicas: 0 } })))
      .replicas;
    const increment = async () => {
      for (;;) {
        const current = await api<{ replicas: number }>("GET", app, { token: root });
        const res = await api("PATCH", app, {
          token: root,
          body: { replicas: current.body.replicas + 1 },
          headers: { "if-match": current.headers.get("etag")! },
        });
        if (res.status === 200) return;
        expect(res.status).toBe(412);
      }
    };
    await Promise.all(Array.from({ length: 20 }, increment));
    expect((await expectOk<{ replicas: number }>(api("GET", app, { token: root }))).replicas).toBe(start + 20);
  });

  it("tenants, projects and environments (PATCH) and quotas (PUT) refuse a stale If-Match with 412 and keep the newer change", async () => {
    const quota = { cpu: "64", memory: "256Gi", storage: "1Ti", pods: "500" };
    const cases: { path: string; first: unknown; stale: unknown; method: "PATCH" | "PUT"; field: string }[] = [
      {
        path: `/api/v1/tenants/${t}`,
        method: "PATCH",
        first: { description: "first" },
        stale: { description: "stale" },
        field: "description",
      },
      {
        path: `/api/v1/tenants/${t}/projects/p`,
        method: "PATCH",
        first: { description: "first" },
        stale: { description: "stale" },
        field: "description",
      },
      {
        path: `/api/v1/tenants/${t}/projects/p/environments/e`,
        method: "PATCH",
        first: { description: "first" },
        stale: { description: "stale" },
        field: "description",
      },
      {
        path: `/api/v1/tenants/${t}/quotas/sandbox`,
        method: "PUT",
        first: { ...quota, pods: "400" },
        stale: { ...quota, pods: "300" },
        field: "pods",
      },
    ];
    for (const c of cases) {
      const etag = (await api("GET", c.path, { token: root })).headers.get("etag");
      expect(etag, c.path).toMatch(/^"v\d+"$/);
      expect(
        (await api(c.method, c.path, { token: root, body: c.first, headers: { "if-match": etag! } })).status,
        c.path,
      ).toBe(200);
      expect(
        (await api(c.method, c.path, { token: root, body: c.stale, headers: { "if-match": etag! } })).status,
        c.path,
      ).toBe(412);
      const now = await expectOk<Record<string, unknown>>(api("GET", c.path, { token: root }));
      expect(JSON.stringify(now), c.path).not.toContain("stale");
    }
    const q = await expectOk<{ hard?: { pods?: number | string }; pods?: number | string }>(
      api("GET", `/api/v1/tenants/${t}/quotas/sandbox`, { token: root }),
    );
    expect(JSON.stringify(q)).toMatch(/"pods":"?400/);
  });
});
