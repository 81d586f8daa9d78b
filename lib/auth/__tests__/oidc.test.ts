import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { authSources } from "@/lib/db/schema";
import { uniqueName } from "@/lib/testing/factories";
import { OIDC_CLIENT, startOidcProvider, type OidcOp } from "@/lib/testing/oidc-op";
import { api, expectOk, sysadminToken } from "@/lib/testing/world";
import { oidcProviders } from "../sources/oidc-providers";

// Discovery and provider wiring against a real OpenID Connect provider; the browser flow is
// covered by Playwright.
describe("OIDC login source", () => {
  let op: OidcOp;
  let root: string;
  const name = uniqueName("idp");

  beforeAll(async () => {
    op = await startOidcProvider(["http://127.0.0.1:1/api/auth/callback/x"]);
    root = await sysadminToken();
  });
  afterAll(() => op?.stop());

  it("checks discovery in 'test connection' and never returns the client secret", async () => {
    await expectOk(
      api("POST", "/api/v1/auth-sources", {
        token: root,
        body: {
          name,
          kind: "oidc",
          displayName: "Company SSO",
          config: { issuer: op.issuer, clientId: OIDC_CLIENT.id },
          clientSecret: OIDC_CLIENT.secret,
        },
      }),
      201,
    );
    const test = await expectOk<{ ok: boolean; steps: { step: string; detail: string }[] }>(
      api("POST", `/api/v1/auth-sources/${name}/test`, { token: root }),
    );
    expect(test).toMatchObject({ ok: true, steps: [{ step: "discovery" }] });
    const list = await expectOk(api("GET", "/api/v1/auth-sources", { token: root }));
    expect(JSON.stringify(list)).not.toContain(OIDC_CLIENT.secret);
    // …and at rest it is sealed, not stored as given.
    const [row] = await getDb()
      .select({ secret: authSources.secret })
      .from(authSources)
      .where(eq(authSources.name, name));
    expect(row.secret).toMatch(/^v1:/);
    expect(row.secret).not.toContain(OIDC_CLIENT.secret);
  });

  it("offers an enabled source to next-auth, and stops offering it once disabled", async () => {
    expect((await oidcProviders()).map((p) => (p as { id: string }).id)).toContain(`oidc-${name}`);
    await expectOk(api("PATCH", `/api/v1/auth-sources/${name}`, { token: root, body: { enabled: false } }));
    expect((await oidcProviders()).map((p) => (p as { id: string }).id)).not.toContain(`oidc-${name}`);
  });

  it("refuses a config with neither an issuer nor endpoints, naming the field", async () => {
    const res = await api<{ errors: { path: string }[] }>("POST", "/api/v1/auth-sources", {
      token: root,
      body: { name: uniqueName("bad"), kind: "oidc", displayName: "x", config: { clientId: "c" } },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e) => e.path)).toContain("body.config.issuer");
  });
});
