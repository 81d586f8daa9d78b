import type { LRUCache } from "lru-cache";
import { describe, expect, it } from "vitest";
import { peekProcessSingleton } from "@/lib/cache";
import { getPool } from "@/lib/db/client";
import { currentEpochs, withRequestEpochs } from "@/lib/db/epochs";
import { api, expectOk, generousQuota, person, sysadminToken, userId } from "@/lib/testing/world";
import { uniqueName } from "@/lib/testing/factories";

// Writes here go straight to the database, as another replica (or a script) would: only the
// epoch triggers can tell this process's caches that what they hold is stale.
const sql = (text: string, values: unknown[]) => getPool().query(text, values);

async function world() {
  const root = await sysadminToken();
  const tenant = uniqueName("epoch");
  const env = `/api/v1/tenants/${tenant}/projects/shop/environments/dev`;
  await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: tenant } }), 201);
  await expectOk(api("PUT", `/api/v1/tenants/${tenant}/quotas/sandbox`, { token: root, body: generousQuota }));
  await expectOk(api("POST", `/api/v1/tenants/${tenant}/projects`, { token: root, body: { name: "shop" } }), 201);
  await expectOk(
    api("POST", `${env.replace(/\/dev$/, "")}`, {
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
  const dev = await person("dev");
  await expectOk(
    api("POST", `/api/v1/tenants/${tenant}/members`, { token: root, body: { username: dev.username, role: "member" } }),
    201,
  );
  await expectOk(
    api("POST", `/api/v1/tenants/${tenant}/projects/shop/members`, {
      token: root,
      body: { username: dev.username, role: "dev" },
    }),
    201,
  );
  return { root, tenant, env, dev };
}

describe("per-process caches keyed by database epochs", () => {
  it("a token revoked by another process answers 401 on the very next request", async () => {
    const me = await person("cached");
    for (let i = 0; i < 2; i++) expect((await api("GET", "/api/v1/me", { token: me.token })).status).toBe(200);
    await sql("UPDATE api_tokens SET revoked_at = CURRENT_TIMESTAMP(3) WHERE user_id = ?", [me.id]);
    expect((await api("GET", "/api/v1/me", { token: me.token })).status).toBe(401);
  });

  it("a user disabled by another process is refused on the very next request", async () => {
    const me = await person("cached");
    for (let i = 0; i < 2; i++) expect((await api("GET", "/api/v1/me", { token: me.token })).status).toBe(200);
    await sql("UPDATE users SET disabled = 1 WHERE id = ?", [me.id]);
    expect((await api("GET", "/api/v1/me", { token: me.token })).status).toBe(401);
  });

  it("a membership removed or a role changed elsewhere takes effect on the next request", async () => {
    const { tenant, env, dev } = await world();
    for (let i = 0; i < 2; i++) expect((await api("GET", env, { token: dev.token })).status).toBe(200);
    const id = await userId(dev.username);
    // A project dev may change a dev environment; demoted to a plain tenant member they may not read it.
    await sql(
      "DELETE pm FROM project_members pm JOIN projects p ON p.id = pm.project_id JOIN tenants t ON t.id = p.tenant_id WHERE pm.user_id = ? AND t.name = ?",
      [id, tenant],
    );
    expect((await api("GET", env, { token: dev.token })).status).not.toBe(200);
    await sql(
      "DELETE tm FROM tenant_members tm JOIN tenants t ON t.id = tm.tenant_id WHERE tm.user_id = ? AND t.name = ?",
      [id, tenant],
    );
    expect((await api("GET", env, { token: dev.token })).status).toBe(404);
  });

  it("an environment renamed, changed or deleted elsewhere is seen on the next request", async () => {
    const { tenant, env, dev } = await world();
    for (let i = 0; i < 2; i++) expect((await api("GET", env, { token: dev.token })).status).toBe(200);
    // The reconciler's sync status is a write like any other.
    await sql(
      "UPDATE environments e JOIN tenants t ON t.id = e.tenant_id SET e.description = 'changed elsewhere', e.sync_status = 'error', e.sync_error = 'unreachable' WHERE t.name = ?",
      [tenant],
    );
    expect(await expectOk(api("GET", env, { token: dev.token }))).toMatchObject({
      description: "changed elsewhere",
      sync: { status: "error", error: "unreachable" },
    });
    await sql(
      "INSERT INTO applications (tenant_id, project_id, environment_id, name, image, ports, env, resources) SELECT e.tenant_id, e.project_id, e.id, 'web', 'nginx:1.27', '[]', '[]', '{}' FROM environments e JOIN tenants t ON t.id = e.tenant_id WHERE t.name = ?",
      [tenant],
    );
    expect(await expectOk(api("GET", env, { token: dev.token }))).toMatchObject({ applicationCount: 1 });
    await sql("UPDATE environments e JOIN tenants t ON t.id = e.tenant_id SET e.name = 'dev2' WHERE t.name = ?", [
      tenant,
    ]);
    expect((await api("GET", env, { token: dev.token })).status).toBe(404);
    expect((await api("GET", `${env}2`, { token: dev.token })).status).toBe(200);
    await sql("DELETE e FROM environments e JOIN tenants t ON t.id = e.tenant_id WHERE t.name = ?", [tenant]);
    expect((await api("GET", `${env}2`, { token: dev.token })).status).toBe(404);
  });

  it("reads the epochs once per request and keeps every cache bounded", async () => {
    const me = await person("bounded");
    expect((await api("GET", "/api/v1/me", { token: me.token })).status).toBe(200);
    await withRequestEpochs(async () => {
      const read = currentEpochs();
      expect(currentEpochs()).toBe(read);
      await read;
    });
    // Outside a request reads are shared, but only with callers that arrived before one was sent.
    const first = currentEpochs();
    const second = currentEpochs();
    expect(second).not.toBe(first);
    expect(currentEpochs()).toBe(second);
    const before = await second;
    const inFlight = currentEpochs();
    await sql("UPDATE cache_epochs SET value = value + 1 WHERE name = 'auth'", []);
    expect((await currentEpochs()).auth).toBeGreaterThan(before.auth);
    await inFlight;
    for (const name of [
      "auth.token-rows",
      "auth.token-touched",
      "auth.session-facts",
      "tenancy.scope-rows",
      "tenancy.environment-rows",
      "tenancy.application-counts",
    ]) {
      const cache = peekProcessSingleton<LRUCache<object, object>>(`cache.${name}`);
      if (!cache) continue; // made on first use
      expect(cache.max, name).toBeGreaterThan(0);
      expect(cache.max, name).toBeLessThanOrEqual(20_000);
      expect(cache.ttl, name).toBeGreaterThan(0);
    }
    expect(peekProcessSingleton(`cache.auth.token-rows`)).toBeDefined();
  });
});
