import { readFileSync } from "node:fs";
import type { RowDataPacket } from "mysql2/promise";
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { isCommonPassword } from "@/lib/auth/password-policy";
import { provisionExternalUser } from "@/lib/auth/sources/provision-user";
import { usernameCollation, usernameKey } from "@/lib/auth/username-key";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { verifyLdapCredentials } from "@/lib/auth/verify-ldap";
import { parseKubeconfig } from "@/lib/clusters/kubeconfig";
import { getDb, getPool } from "@/lib/db/client";
import { sqlIdentifier, sqlText } from "@/lib/db/sql-text";
import { loginFailures, sandboxTokens, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { CLIENT_ADDRESS_HEADER, clientAddressFrom } from "@/lib/core/request-meta";
import { issueSandboxToken, stopControllers } from "@/lib/sandbox";
import { handleSandboxRequest } from "@/lib/sandbox/http/handler";
import { createToken, createUser, uniqueName } from "@/lib/testing/factories";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { api, expectOk, sysadminToken } from "@/lib/testing/world";

// Class 6 of the security issue: the sign-in throttle (account as the database compares names,
// address as Facet's server resolves it), sandbox credentials that die with their user, and
// the local password rules.

/** A fresh throttle: the process-wide one would carry failures from one test into the next. */
function resetThrottle() {
  (globalThis as { facetLoginThrottle?: unknown }).facetLoginThrottle = undefined;
}

async function failureCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return "OK";
}

let addressCounter = 0;
const freshAddress = () => `198.18.${Math.floor(addressCounter / 250)}.${(addressCounter++ % 250) + 1}`;

/** `a = b` as the users.username column compares, asked of MariaDB itself. */
async function databaseEquals(a: string, b: string): Promise<boolean> {
  const c = await usernameCollation();
  const charset = sqlIdentifier(c.charset, [c.charset]);
  const collation = sqlIdentifier(c.collation, [c.collation]);
  const [rows] = await getPool().query<RowDataPacket[]>(
    sqlText`SELECT (CONVERT(? USING ${charset}) COLLATE ${collation}) = (CONVERT(? USING ${charset}) COLLATE ${collation}) AS same`
      .text,
    [a, b],
  );
  return Number(rows[0].same) === 1;
}

/** Spellings of `name` (lower-case ASCII letters, digits and '-') that MariaDB may fold together. */
function spellings(name: string): string[] {
  const accent: Record<string, string> = { s: "ś", t: "ţ", a: "á", e: "ê", u: "ü", o: "ö", c: "ç", n: "ñ", i: "í" };
  const accented = [...name].map((ch) => accent[ch] ?? ch).join("");
  return [
    name,
    name.toUpperCase(),
    `${name} `,
    `${name}   `,
    accented,
    `${accented.toUpperCase()} `,
    name.replace(/^./, (c) => c.toUpperCase()),
    accented.normalize("NFD"),
  ];
}

beforeEach(resetThrottle);

describe("usernames are keyed as the database compares them", () => {
  it("reads the collation of users.username from the live schema", async () => {
    const c = await usernameCollation();
    const [rows] = await getPool().query<RowDataPacket[]>(
      "SELECT COLLATION_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'username'",
    );
    expect(c.collation).toBe(rows[0].c);
  });

  it("gives two names one key exactly when MariaDB says they are equal", async () => {
    const names = [
      "tst",
      "TST",
      "tśt ",
      "tśt",
      "Tśt  ",
      "t\u0301st",
      "tst\t",
      "\ttst",
      " tst",
      "tst\u200b",
      "ｔｓｔ",
      "tßt",
      "tsst",
      "straße",
      "strasse",
      "ǅ",
      "dž",
      "DŽ",
      "ǆ",
      "admin",
      "ADMİN",
      "admın",
      "àdmin ",
      "Admin\u00a0",
      "😀",
      "😁",
      "a'b",
      "a\\b",
      "a%b",
      "",
      " ",
    ];
    const keys = await Promise.all(names.map((n) => usernameKey(n)));
    const wrong: string[] = [];
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const same = await databaseEquals(names[i], names[j]);
        if ((keys[i] === keys[j]) !== same)
          wrong.push(
            `${JSON.stringify(names[i])} vs ${JSON.stringify(names[j])}: database ${same}, keys ${keys[i] === keys[j]}`,
          );
      }
    }
    expect(wrong).toEqual([]);
    // The issue's own example: one key for all three.
    expect(new Set([keys[0], keys[1], keys[2]]).size).toBe(1);
  });

  it("finds the same user for every spelling the database folds together, and signs in with it", async () => {
    const u = await createUser({ username: uniqueName("tst") });
    let folded = 0;
    for (const spelling of spellings(u.username)) {
      if (!(await databaseEquals(spelling, u.username))) continue;
      folded++;
      const row = await verifyCredentials({ username: spelling, password: u.password, clientAddress: freshAddress() });
      expect(row.id, JSON.stringify(spelling)).toBe(u.id);
    }
    expect(folded).toBeGreaterThanOrEqual(6);
  });

  it("maps a directory user to the same Facet account whatever case the directory returns", async () => {
    const source = uniqueName("dir");
    const u = await createUser({
      username: uniqueName("ldapuser"),
      authSource: source,
      externalId: "uid=one,dc=example",
    });
    const ctx = { actor: null, scope: {}, requestId: "sign-in-test-0001", clientAddress: null };
    for (const username of [u.username.toUpperCase(), u.username.replace(/^./, (c) => c.toUpperCase()), u.username]) {
      const row = await provisionExternalUser(ctx, source, {
        externalId: "uid=one,dc=example",
        username,
        email: null,
        displayName: "One",
      });
      expect(row.id).toBe(u.id);
    }
    expect((await getDb().select().from(users).where(eq(users.authSource, source))).length).toBe(1);
  });
});

describe("the login throttle", () => {
  it("counts failures for an unknown name across case, trailing spaces and accents, from any address", async () => {
    const name = uniqueName("tst");
    const variants = spellings(name);
    for (let i = 0; i < 10; i++) {
      expect(
        await failureCode(
          verifyCredentials({
            username: variants[i % variants.length],
            password: "wrong-password",
            clientAddress: freshAddress(),
          }),
        ),
      ).toBe("UNAUTHORIZED");
    }
    for (const spelling of variants) {
      expect(
        await failureCode(
          verifyCredentials({ username: spelling, password: "wrong-password", clientAddress: freshAddress() }),
        ),
        JSON.stringify(spelling),
      ).toBe("LIMIT_EXCEEDED");
    }
    // Another name is not held back.
    expect(
      await failureCode(
        verifyCredentials({ username: uniqueName("tst"), password: "wrong-password", clientAddress: freshAddress() }),
      ),
    ).toBe("UNAUTHORIZED");
  });

  it("keys a known user by account: spellings share one budget, and the right password waits too", async () => {
    const u = await createUser({ username: uniqueName("acct") });
    const other = await createUser({ username: uniqueName("acct") });
    const variants = spellings(u.username);
    for (let i = 0; i < 10; i++) {
      await failureCode(
        verifyCredentials({
          username: variants[i % variants.length],
          password: `wrong-${i}-password`,
          clientAddress: freshAddress(),
        }),
      );
    }
    expect(
      await failureCode(
        verifyCredentials({ username: u.username, password: u.password, clientAddress: freshAddress() }),
      ),
    ).toBe("LIMIT_EXCEEDED");
    expect(
      await failureCode(
        verifyCredentials({ username: u.username.toUpperCase(), password: u.password, clientAddress: freshAddress() }),
      ),
    ).toBe("LIMIT_EXCEEDED");
    expect(
      await failureCode(
        verifyCredentials({ username: other.username, password: other.password, clientAddress: freshAddress() }),
      ),
    ).toBe("OK");
  });

  it("keys directory sign-ins the same way: spellings of one name share a budget", async () => {
    const name = uniqueName("dirname");
    const variants = spellings(name);
    const ldap = (username: string) =>
      verifyLdapCredentials({
        source: uniqueName("nosuchdir"),
        username,
        password: "wrong-password",
        clientAddress: freshAddress(),
        requestId: "sign-in-test-0002",
      });
    for (let i = 0; i < 10; i++) expect(await failureCode(ldap(variants[i % variants.length]))).toBe("UNAUTHORIZED");
    for (const spelling of variants)
      expect(await failureCode(ldap(spelling)), JSON.stringify(spelling)).toBe("LIMIT_EXCEEDED");
    // A local attempt on the same name waits as well: one account, whichever door.
    expect(
      await failureCode(
        verifyCredentials({ username: name.toUpperCase(), password: "wrong-password", clientAddress: freshAddress() }),
      ),
    ).toBe("LIMIT_EXCEEDED");
  });

  it("reads the client address only from the header Facet's server stamps", () => {
    const spoofs: Record<string, string>[] = [
      { "x-forwarded-for": "203.0.113.9" },
      { "x-forwarded-for": "203.0.113.9, 198.51.100.1" },
      { "x-real-ip": "203.0.113.9" },
      { forwarded: "for=203.0.113.9" },
      { "x-client-ip": "203.0.113.9" },
    ];
    for (const headers of spoofs) expect(clientAddressFrom(new Headers(headers)), JSON.stringify(headers)).toBeNull();
    expect(
      clientAddressFrom(new Headers({ [CLIENT_ADDRESS_HEADER]: "192.0.2.4", "x-forwarded-for": "203.0.113.9" })),
    ).toBe("192.0.2.4");
  });
});

describe("the login throttle over HTTP", () => {
  let server: RouteServer | undefined;
  afterAll(async () => {
    await server?.close();
    // The throttle is shared through the database now: leave later files a clean budget.
    await getDb().delete(loginFailures);
  });

  const login = (username: string, password: string, headers: Record<string, string>) =>
    fetch(`${server!.origin}/api/v1/login`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ username, password }),
    });

  it("ignores X-Forwarded-For and a forged address header from an untrusted peer", async () => {
    server = await startRouteServer("app/api/v1/login", { trustedProxies: [] });
    // The throttle is shared through the database: failures an earlier file made from loopback
    // within the minute would count against this peer's budget of ten.
    await getDb().delete(loginFailures);
    const spoofs: Record<string, string>[] = [
      { "x-forwarded-for": "203.0.113.1" },
      { "x-forwarded-for": "203.0.113.2, 198.51.100.2" },
      { "x-forwarded-for": "2001:db8::2" },
      { "x-forwarded-for": "::ffff:203.0.113.3" },
      { [CLIENT_ADDRESS_HEADER]: "203.0.113.4" },
      { [CLIENT_ADDRESS_HEADER]: "203.0.113.5", "x-forwarded-for": "203.0.113.6" },
      { "x-real-ip": "203.0.113.7" },
      { "x-forwarded-for": "unknown" },
      { "x-forwarded-for": "203.0.113.8,203.0.113.8,203.0.113.8" },
      { "x-forwarded-for": "[2001:db8::9]" },
    ];
    for (const headers of spoofs)
      expect((await login(uniqueName("spray"), "wrong-password", headers)).status, JSON.stringify(headers)).toBe(401);
    // Every attempt came from the same socket peer: the next one waits, whatever it claims.
    const after: Record<string, string>[] = [
      { "x-forwarded-for": "192.0.2.200" },
      { [CLIENT_ADDRESS_HEADER]: "192.0.2.201" },
      {},
    ];
    for (const headers of after) {
      const res = await login(uniqueName("spray"), "wrong-password", headers);
      expect(res.status, JSON.stringify(headers)).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    await server.close();
    server = undefined;
  });

  it("behind a trusted proxy chain, keys the first untrusted hop from the right", async () => {
    server = await startRouteServer("app/api/v1/login", { trustedProxies: ["127.0.0.1", "10.0.0.0/8"] });
    const client = "203.0.113.50";
    // What is left of the client's hop is whatever the client wrote: it must not matter.
    const chains = [
      `${client}`,
      `${client}, 10.0.0.7`,
      `1.2.3.4, ${client}, 10.1.2.3`,
      `${freshAddress()}, ${client}, 10.9.9.9, 10.0.0.1`,
      `garbage, ${client}`,
      `${client},10.0.0.2`,
      `::ffff:${client}`,
      `${freshAddress()}, ${client}`,
      `${client}, 10.200.0.1, 10.3.3.3`,
      `198.51.100.99, ${client}`,
    ];
    for (const chain of chains)
      expect((await login(uniqueName("proxied"), "wrong-password", { "x-forwarded-for": chain })).status, chain).toBe(
        401,
      );
    expect(
      (await login(uniqueName("proxied"), "wrong-password", { "x-forwarded-for": `9.9.9.9, ${client}, 10.0.0.1` }))
        .status,
    ).toBe(429);
    // Another client through the same proxies is not held back, nor is a forged stamp honoured.
    expect(
      (await login(uniqueName("proxied"), "wrong-password", { "x-forwarded-for": `${client}, 198.51.100.7` })).status,
    ).toBe(401);
    expect(
      (
        await login(uniqueName("proxied"), "wrong-password", {
          "x-forwarded-for": "198.51.100.8, 10.0.0.1",
          [CLIENT_ADDRESS_HEADER]: client,
        })
      ).status,
    ).toBe(401);
    await server.close();
    server = undefined;
  });
});

describe("sandbox kubeconfig credentials belong to the user who downloaded them", () => {
  afterAll(() => stopControllers());

  /** A call to the sandbox API with the token sent as kubectl would (Bearer, or Basic over plain http). */
  async function sandboxStatus(token: string, how: "bearer" | "basic" = "bearer"): Promise<number> {
    const authorization =
      how === "bearer" ? `Bearer ${token}` : `Basic ${Buffer.from(`facet:${token}`).toString("base64")}`;
    const res = await handleSandboxRequest(
      new Request("http://facet.test/sandbox/k8s/version", { headers: { authorization } }),
      ["version"],
    );
    await res.arrayBuffer();
    return res.status;
  }

  async function downloadAs(prefix: string) {
    const owner = await createUser({ username: uniqueName(prefix), systemRole: "sysadmin" });
    const bearer = (await createToken(owner.id)).token;
    const res = await api<string>("GET", "/api/v1/clusters/sandbox/kubeconfig", { token: bearer });
    expect(res.status).toBe(200);
    const token = parseKubeconfig(String(res.body)).options.users[0]?.token;
    expect(token).toBeTruthy();
    const { items } = await expectOk<{ items: { id: number; owner: string; revokedAt: string | null }[] }>(
      api("GET", "/api/v1/me/sandbox-credentials", { token: bearer }),
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ owner: owner.username, revokedAt: null });
    return { owner, bearer, token: token!, id: items[0].id };
  }

  it("works for its owner until revoked with DELETE, then answers 401", async () => {
    const d = await downloadAs("kcfg");
    expect(await sandboxStatus(d.token)).toBe(200);
    expect(await sandboxStatus(d.token, "basic")).toBe(200);
    expect((await api("DELETE", `/api/v1/me/sandbox-credentials/${d.id}`, { token: d.bearer })).status).toBe(204);
    expect(await sandboxStatus(d.token)).toBe(401);
    expect(await sandboxStatus(d.token, "basic")).toBe(401);
    const { items } = await expectOk<{ items: { revokedAt: string | null }[] }>(
      api("GET", "/api/v1/me/sandbox-credentials", { token: d.bearer }),
    );
    expect(items[0].revokedAt).not.toBeNull();
  });

  it("is neither listed nor revocable by another user; a sysadmin sees and revokes everyone's", async () => {
    const d = await downloadAs("kcfg");
    const stranger = await createUser({ username: uniqueName("stranger") });
    const strangerBearer = (await createToken(stranger.id)).token;
    const theirs = await expectOk<{ items: unknown[] }>(
      api("GET", "/api/v1/me/sandbox-credentials", { token: strangerBearer }),
    );
    expect(theirs.items).toEqual([]);
    expect((await api("GET", "/api/v1/me/sandbox-credentials?all=true", { token: strangerBearer })).status).toBe(403);
    for (const id of [String(d.id), `${d.id}.0`, `0${d.id}`])
      expect((await api("DELETE", `/api/v1/me/sandbox-credentials/${id}`, { token: strangerBearer })).status, id).toBe(
        404,
      );
    expect(await sandboxStatus(d.token)).toBe(200);
    const root = await sysadminToken();
    const all = await expectOk<{ items: { id: number; owner: string }[] }>(
      api("GET", "/api/v1/me/sandbox-credentials?all=true", { token: root }),
    );
    expect(all.items.find((i) => i.id === d.id)?.owner).toBe(d.owner.username);
    expect((await api("DELETE", `/api/v1/me/sandbox-credentials/${d.id}`, { token: root })).status).toBe(204);
    expect(await sandboxStatus(d.token)).toBe(401);
  });

  it("answers 401 once its user is disabled (through the API or directly in the database), even re-enabled", async () => {
    const root = await sysadminToken();
    const viaApi = await downloadAs("kcfg");
    expect(await sandboxStatus(viaApi.token)).toBe(200);
    expect(
      (await api("PATCH", `/api/v1/users/${viaApi.owner.username}`, { token: root, body: { disabled: true } })).status,
    ).toBe(200);
    expect(await sandboxStatus(viaApi.token)).toBe(401);
    expect(await sandboxStatus(viaApi.token, "basic")).toBe(401);
    expect(
      (await api("PATCH", `/api/v1/users/${viaApi.owner.username}`, { token: root, body: { disabled: false } })).status,
    ).toBe(200);
    expect(await sandboxStatus(viaApi.token)).toBe(401);

    const direct = await downloadAs("kcfg");
    expect(await sandboxStatus(direct.token)).toBe(200);
    await getDb().update(users).set({ disabled: true }).where(eq(users.id, direct.owner.id));
    expect(await sandboxStatus(direct.token)).toBe(401);
  });

  it("answers 401 once its user is deleted, and the row goes with the user", async () => {
    const root = await sysadminToken();
    const d = await downloadAs("kcfg");
    expect(await sandboxStatus(d.token)).toBe(200);
    expect((await api("DELETE", `/api/v1/users/${d.owner.username}`, { token: root })).status).toBe(204);
    expect(await sandboxStatus(d.token)).toBe(401);
    expect(await sandboxStatus(d.token, "basic")).toBe(401);
    expect(await getDb().select().from(sandboxTokens).where(eq(sandboxTokens.id, d.id))).toEqual([]);
  });

  it("keeps Facet's own ownerless token working (the cluster registry's)", async () => {
    const { token } = await issueSandboxToken({ name: "facet (cluster registry)" });
    expect(await sandboxStatus(token)).toBe(200);
  });
});

describe("local passwords", () => {
  const COMMON = [
    "password123",
    "Password123",
    "PASSWORD123",
    "pAsSwOrD123",
    " password123 ",
    "qwerty123",
    "iloveyou1",
    "letmein!",
    "P@ssw0rd",
    "12345678",
    "１２３４５６７８",
    "11111111",
    "trustno1",
    "football1",
    "baseball",
    "sunshine1",
    "qwertyuiop",
    "1q2w3e4r",
  ];
  const SHORT = ["", "a", "short", "1234567", "Xk9#qL2", "🙂🙂🙂🙂", "ǅǅǅǅǅǅǅ"];

  it("refuses common passwords on create and reset, naming the field, whatever their case", async () => {
    const root = await sysadminToken();
    for (const password of COMMON) {
      const res = await api<{ code: string; errors: { path: string }[] }>("POST", "/api/v1/users", {
        token: root,
        body: { username: uniqueName("pw"), password },
      });
      expect(res.status, password).toBe(422);
      expect(
        res.body.errors.map((e) => e.path),
        password,
      ).toContain("body.password");
    }
    const u = await createUser({ username: uniqueName("pw") });
    for (const password of COMMON) {
      const res = await api<{ errors: { path: string }[] }>("PATCH", `/api/v1/users/${u.username}`, {
        token: root,
        body: { password },
      });
      expect(res.status, password).toBe(422);
      expect(res.body.errors.map((e) => e.path)).toContain("body.password");
    }
    // Nothing changed: the old password still signs in.
    expect(
      (await verifyCredentials({ username: u.username, password: u.password, clientAddress: freshAddress() })).id,
    ).toBe(u.id);
  });

  it("refuses passwords shorter than 8 characters (counted as characters, not UTF-16 units)", async () => {
    const root = await sysadminToken();
    for (const password of SHORT) {
      const res = await api<{ errors: { path: string }[] }>("POST", "/api/v1/users", {
        token: root,
        body: { username: uniqueName("pw"), password },
      });
      expect(res.status, password).toBe(422);
      expect(
        res.body.errors.map((e) => e.path),
        password,
      ).toContain("body.password");
    }
  });

  it("accepts the documented default admin password and an uncommon one", async () => {
    const root = await sysadminToken();
    for (const password of ["facet-admin", "correct horse battery staple", "Xk9#qL2v"]) {
      const username = uniqueName("pw");
      expect((await api("POST", "/api/v1/users", { token: root, body: { username, password } })).status, password).toBe(
        201,
      );
      expect((await verifyCredentials({ username, password, clientAddress: freshAddress() })).username).toBe(username);
    }
    const u = await createUser({ username: uniqueName("pw") });
    expect(
      (await api("PATCH", `/api/v1/users/${u.username}`, { token: root, body: { password: "facet-admin" } })).status,
    ).toBe(200);
    // The seeded admin signs in with the documented password.
    expect(
      (
        await verifyCredentials({
          username: "admin",
          password: process.env.FACET_ADMIN_PASSWORD || "facet-admin",
          clientAddress: freshAddress(),
        })
      ).username,
    ).toBe("admin");
  });

  it("ships a list of a few thousand lower-case entries that leaves the default password out", () => {
    const entries = readFileSync("lib/auth/common-passwords.txt", "utf8")
      .split("\n")
      .filter((l) => l && !l.startsWith("#"));
    expect(entries.length).toBeGreaterThan(2_000);
    expect(entries.every((e) => e === e.toLowerCase() && [...e].length >= 8)).toBe(true);
    expect(isCommonPassword("facet-admin")).toBe(false);
    expect(isCommonPassword("PassWord1")).toBe(true);
  });
});
