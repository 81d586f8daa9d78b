import { beforeAll, describe, expect, it } from "vitest";
import { uniqueName } from "@/lib/testing/factories";
import { api, expectOk, generousQuota, person, sysadminToken } from "@/lib/testing/world";

type Page<T> = { items: T[]; nextCursor: string | null };

// Lists page with an opaque cursor and filter by name; environment membership, like project
// membership, is for tenant members only.
describe("lists and environment members", () => {
  let root: string;
  const t = uniqueName("pg");
  const T = `/api/v1/tenants/${t}`;
  const names = ["alpha", "beta", "gamma", "delta", "epsilon"];

  beforeAll(async () => {
    root = await sysadminToken();
    await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: t } }), 201);
    await expectOk(api("PUT", `${T}/quotas/sandbox`, { token: root, body: generousQuota }));
    for (const name of names) await expectOk(api("POST", `${T}/projects`, { token: root, body: { name } }), 201);
    await expectOk(
      api("POST", `${T}/projects/alpha/environments`, {
        token: root,
        body: {
          name: "dev",
          type: "dev",
          cluster: "sandbox",
          quota: { cpu: "1", memory: "1Gi", storage: "1Gi", pods: "5" },
        },
      }),
      201,
    );
  });

  it("walks every project exactly once, two at a time, then says there is no more", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page<{ name: string }> = await expectOk(
        api("GET", `${T}/projects?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { token: root }),
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((p) => p.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([...names].sort());
  });

  it("filters by part of the name, and refuses a limit out of range", async () => {
    const page = await expectOk<Page<{ name: string }>>(api("GET", `${T}/projects?q=ta`, { token: root }));
    expect(page.items.map((p) => p.name).sort()).toEqual(["beta", "delta"]);
    const tenants = await expectOk<Page<{ name: string }>>(api("GET", `/api/v1/tenants?q=${t}`, { token: root }));
    expect(tenants.items.map((x) => x.name)).toEqual([t]);
    const bad = await api<{ errors: { path: string }[] }>("GET", `${T}/projects?limit=0`, { token: root });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe("query.limit");
  });

  it("adds only tenant members to an environment, by POST or by PUT", async () => {
    const env = `${T}/projects/alpha/environments/dev/members`;
    const stranger = await person("stranger");
    for (const [method, path] of [
      ["POST", env],
      ["PUT", `${env}/${stranger.username}`],
    ] as const) {
      const res = await api<{ errors: { path: string; message: string }[] }>(method, path, {
        token: root,
        body: { username: stranger.username, role: "reader" },
      });
      expect(res.status, method).toBe(422);
      expect(res.body.errors[0]).toEqual({ path: "body.username", message: "Only tenant members can be added here." });
    }
    await expectOk(
      api("POST", `${T}/members`, { token: root, body: { username: stranger.username, role: "member" } }),
      201,
    );
    await expectOk(api("POST", env, { token: root, body: { username: stranger.username, role: "reader" } }), 201);
    expect((await api("GET", `${T}/projects/alpha/environments/dev`, { token: stranger.token })).status).toBe(200);
  });
});
