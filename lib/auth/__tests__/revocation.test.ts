import { describe, expect, it } from "vitest";
import { api, expectOk, person, sysadminToken } from "@/lib/testing/world";

// Personal tokens and what ends them: revoke, disable, password reset.
describe("personal API tokens and revocation", () => {
  it("a read-only token reads but is refused on every write; a revoked token → 401", async () => {
    const me = await person("tok");
    const made = await expectOk<{ id: number; token: string; scope: string; expiresAt: string }>(
      api("POST", "/api/v1/me/tokens", {
        token: me.token,
        body: { name: "grafana", expiresInDays: 7, scope: "read-only" },
      }),
      201,
    );
    expect(made).toMatchObject({ scope: "read-only", token: expect.stringMatching(/^fct_/) });
    expect(new Date(made.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect((await api("GET", "/api/v1/me", { token: made.token })).status).toBe(200);
    expect((await api("POST", "/api/v1/me/tokens", { token: made.token, body: { name: "escalate" } })).status).toBe(
      403,
    );
    expect((await api("DELETE", `/api/v1/me/tokens/${made.id}`, { token: made.token })).status).toBe(403);

    const listed = await expectOk<{ items: { id: number; name: string; lastUsedAt: string | null }[] }>(
      api("GET", "/api/v1/me/tokens", { token: me.token }),
    );
    expect(listed.items.find((t) => t.id === made.id)).toMatchObject({
      name: "grafana",
      lastUsedAt: expect.any(String),
    });
    expect(JSON.stringify(listed)).not.toContain(made.token);

    expect((await api("DELETE", `/api/v1/me/tokens/${made.id}`, { token: me.token })).status).toBe(204);
    expect((await api("GET", "/api/v1/me", { token: made.token })).status).toBe(401);
  });

  it("someone else's token cannot be revoked (404)", async () => {
    const a = await person("owner");
    const b = await person("other");
    const made = await expectOk<{ id: number }>(
      api("POST", "/api/v1/me/tokens", { token: a.token, body: { name: "mine" } }),
      201,
    );
    expect((await api("DELETE", `/api/v1/me/tokens/${made.id}`, { token: b.token })).status).toBe(404);
  });

  it("disabling a user or resetting their password ends their tokens at once", async () => {
    const root = await sysadminToken();
    const u = await person("gone");
    const t1 = await expectOk<{ token: string }>(
      api("POST", "/api/v1/me/tokens", { token: u.token, body: { name: "script" } }),
      201,
    );
    await expectOk(
      api("PATCH", `/api/v1/users/${u.username}`, { token: root, body: { password: "a-brand-new-password" } }),
    );
    expect((await api("GET", "/api/v1/me", { token: t1.token })).status).toBe(401);
    expect((await api("GET", "/api/v1/me", { token: u.token })).status).toBe(401);

    const v = await person("disabled");
    await expectOk(api("PATCH", `/api/v1/users/${v.username}`, { token: root, body: { disabled: true } }));
    expect((await api("GET", "/api/v1/me", { token: v.token })).status).toBe(401);
  });
});
