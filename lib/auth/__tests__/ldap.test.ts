import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LDAP_ADMIN, LDAP_ADMIN_PASSWORD, LDAP_BASE, LDAP_PEOPLE, startSlapd, type Slapd } from "@/lib/testing/slapd";
import { api, expectOk, sysadminToken } from "@/lib/testing/world";
import { uniqueName } from "@/lib/testing/factories";
import { AppError } from "@/lib/errors";
import { verifyLdapCredentials } from "../verify-ldap";

// Against a real slapd started for this file.
describe("LDAP login source", () => {
  let slapd: Slapd;
  let root: string;
  const source = uniqueName("corp");
  const [ada, grace] = LDAP_PEOPLE;
  const login = (username: string, password: string) =>
    verifyLdapCredentials({
      source,
      username,
      password,
      clientAddress: `203.0.113.${Math.floor(Math.random() * 250)}`,
      requestId: "ldap-test-1",
    });

  beforeAll(async () => {
    slapd = await startSlapd();
    root = await sysadminToken();
    await expectOk(
      api("POST", "/api/v1/auth-sources", {
        token: root,
        body: {
          name: source,
          kind: "ldap",
          displayName: "Corp directory",
          config: {
            url: slapd.url,
            bindDn: LDAP_ADMIN,
            baseDn: `ou=people,${LDAP_BASE}`,
            userFilter: "(&(objectClass=inetOrgPerson)(uid={username}))",
          },
          bindPassword: LDAP_ADMIN_PASSWORD,
        },
      }),
      201,
    );
  }, 30_000);
  afterAll(() => slapd?.stop());

  it("signs a directory user in and creates a normal Facet user bound to the source", async () => {
    const user = await login(ada.uid, ada.password);
    expect(user).toMatchObject({
      username: "ada",
      displayName: "Ada Lovelace",
      email: "ada@facet.test",
      systemRole: "normal",
      authSource: source,
      externalId: `uid=ada,ou=people,${LDAP_BASE}`,
    });
    const again = await login(ada.uid, ada.password);
    expect(again.id).toBe(user.id);
  });

  it("refuses a wrong password, an unknown user, an empty password and a filter injection", async () => {
    for (const [u, p] of [
      [grace.uid, "wrong-password"],
      ["nobody", "whatever"],
      [grace.uid, ""],
      ["*)(uid=*", grace.password],
      ["*", ada.password],
    ]) {
      await expect(login(u, p)).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === "UNAUTHORIZED");
    }
  });

  it("never returns the bind password; 'test connection' reports each step", async () => {
    const got = await expectOk<Record<string, unknown>>(api("GET", `/api/v1/auth-sources/${source}`, { token: root }));
    expect(JSON.stringify(got)).not.toContain(LDAP_ADMIN_PASSWORD);
    expect(got).toMatchObject({ hasSecret: true, kind: "ldap" });
    const ok = await expectOk<{ ok: boolean; steps: { step: string; ok: boolean }[] }>(
      api("POST", `/api/v1/auth-sources/${source}/test`, { token: root }),
    );
    expect(ok).toMatchObject({
      ok: true,
      steps: [
        { step: "connect", ok: true },
        { step: "bind", ok: true },
        { step: "search", ok: true },
      ],
    });
    await expectOk(
      api("PATCH", `/api/v1/auth-sources/${source}`, { token: root, body: { bindPassword: "not-the-password" } }),
    );
    const bad = await expectOk<{ ok: boolean; steps: { step: string; ok: boolean }[] }>(
      api("POST", `/api/v1/auth-sources/${source}/test`, { token: root }),
    );
    expect(bad.ok).toBe(false);
    expect(bad.steps.find((s) => !s.ok)?.step).toBe("bind");
    await expectOk(
      api("PATCH", `/api/v1/auth-sources/${source}`, { token: root, body: { bindPassword: LDAP_ADMIN_PASSWORD } }),
    );
  });

  it("a disabled source signs nobody in", async () => {
    await expectOk(api("PATCH", `/api/v1/auth-sources/${source}`, { token: root, body: { enabled: false } }));
    await expect(login(ada.uid, ada.password)).rejects.toSatisfy(
      (e: unknown) => e instanceof AppError && e.code === "UNAUTHORIZED",
    );
    await expectOk(api("PATCH", `/api/v1/auth-sources/${source}`, { token: root, body: { enabled: true } }));
  });

  it("issues an API token for a directory user through POST /api/v1/login", async () => {
    const res = await api<{ token: string; user: { username: string } }>("POST", "/api/v1/login", {
      body: { username: grace.uid, password: grace.password, source },
    });
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe("grace");
  });
});

// A directory whose certificate comes from a private CA, as most companies run them.
describe("LDAP over StartTLS", () => {
  let slapd: Slapd;
  let root: string;
  const source = uniqueName("tls");
  type Report = { ok: boolean; steps: { step: string; ok: boolean; detail: string }[] };
  const config = (caCertificate?: string) => ({
    url: slapd.url,
    startTls: true,
    bindDn: LDAP_ADMIN,
    baseDn: `ou=people,${LDAP_BASE}`,
    ...(caCertificate ? { caCertificate } : {}),
  });

  beforeAll(async () => {
    slapd = await startSlapd({ tls: true });
    root = await sysadminToken();
    await expectOk(
      api("POST", "/api/v1/auth-sources", {
        token: root,
        body: {
          name: source,
          kind: "ldap",
          displayName: "TLS directory",
          config: config(),
          bindPassword: LDAP_ADMIN_PASSWORD,
        },
      }),
      201,
    );
  }, 30_000);
  afterAll(() => slapd?.stop());

  it("refuses a certificate it cannot verify, and says so at the StartTLS step", async () => {
    const report = await expectOk<Report>(api("POST", `/api/v1/auth-sources/${source}/test`, { token: root }));
    expect(report.ok).toBe(false);
    expect(report.steps.at(-1)).toMatchObject({
      step: "starttls",
      ok: false,
      detail: expect.stringMatching(/certificate/i),
    });
    const signIn = await api("POST", "/api/v1/login", {
      body: { username: LDAP_PEOPLE[2].uid, password: LDAP_PEOPLE[2].password, source },
    });
    expect(signIn.status).not.toBe(200);
  });

  it("with the directory's CA it verifies the certificate, binds, searches and signs users in", async () => {
    await expectOk(
      api("PATCH", `/api/v1/auth-sources/${source}`, { token: root, body: { config: config(slapd.caPem!) } }),
    );
    const report = await expectOk<Report>(api("POST", `/api/v1/auth-sources/${source}/test`, { token: root }));
    expect(report.steps.map((s) => [s.step, s.ok, s.ok ? "" : s.detail])).toEqual([
      ["connect", true, ""],
      ["starttls", true, ""],
      ["bind", true, ""],
      ["search", true, ""],
    ]);
    const katherine = LDAP_PEOPLE[2];
    const signIn = await api<{ user: { username: string } }>("POST", "/api/v1/login", {
      body: { username: katherine.uid, password: katherine.password, source },
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.username).toBe(katherine.uid);
  });

  it("refuses something that is not a PEM certificate, naming the field", async () => {
    const res = await api<{ errors: { path: string }[] }>("PATCH", `/api/v1/auth-sources/${source}`, {
      token: root,
      body: { config: config("not a certificate") },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e) => e.path)).toContain("body.config.caCertificate");
  });
});
