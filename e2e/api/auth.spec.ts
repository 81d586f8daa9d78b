import { expect, test } from "@playwright/test";
import { admin, disabledUser, normalUser } from "../support/accounts";
import { insertExpiredToken } from "../support/db";
import { expectProblem, freshAddress } from "../support/problem";

async function login(
  request: import("@playwright/test").APIRequestContext,
  username: string,
  password: string,
  address = freshAddress(),
) {
  return request.post("/api/v1/login", { data: { username, password }, headers: { "x-forwarded-for": address } });
}

test.describe("POST /api/v1/login", () => {
  test("answers 200 with a token, its expiry and the user", async ({ request }) => {
    const res = await login(request, admin.username, admin.password);
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      token: expect.stringMatching(/^fct_[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
      user: expect.objectContaining({ username: "admin", systemRole: "sysadmin" }),
    });
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(res.headers()["x-request-id"]).toBeTruthy();
  });

  test("answers 401 alike for a wrong password, an unknown user and a disabled account", async ({ request }) => {
    const wrong = await expectProblem(await login(request, admin.username, "not-the-password"), 401);
    const unknown = await expectProblem(await login(request, "nobody-at-all", "whatever-pass"), 401);
    const disabled = await expectProblem(await login(request, disabledUser.username, disabledUser.password), 401);
    expect(unknown.detail).toBe(wrong.detail);
    expect(disabled.detail).toBe(wrong.detail);
  });

  test("the 11th failed attempt for a username within a minute answers 429 with Retry-After", async ({ request }) => {
    const username = `throttle-${Date.now()}`;
    for (let i = 0; i < 10; i++) await expectProblem(await login(request, username, "wrong-password"), 401);
    const res = await login(request, username, "wrong-password");
    await expectProblem(res, 429);
    expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
    expect(Number(res.headers()["retry-after"])).toBeLessThanOrEqual(60);
  });

  test("the 11th failed attempt from one address within a minute answers 429", async ({ request }) => {
    const address = freshAddress();
    for (let i = 0; i < 10; i++)
      await expectProblem(await login(request, `spray-${i}-${Date.now()}`, "wrong-password", address), 401);
    const res = await login(request, normalUser.username, normalUser.password, address);
    await expectProblem(res, 429);
    expect(res.headers()["retry-after"]).toBeTruthy();
    // Another address is not affected.
    expect((await login(request, normalUser.username, normalUser.password)).status()).toBe(200);
  });

  test("malformed JSON answers 400 problem+json", async ({ request }) => {
    const res = await request.post("/api/v1/login", {
      data: Buffer.from("{oops"),
      headers: { "content-type": "application/json" },
    });
    const problem = await expectProblem(res, 400);
    expect(problem.code).toBe("MALFORMED");
  });

  test("wrong types answer 422 with errors[] naming each field path", async ({ request }) => {
    const res = await request.post("/api/v1/login", { data: { username: 42, password: ["x"] } });
    const problem = await expectProblem(res, 422);
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual(["body.password", "body.username"]);
  });
});

test.describe("GET /api/v1/me", () => {
  test("answers the current user for a bearer token", async ({ request }) => {
    const { token } = await (await login(request, normalUser.username, normalUser.password)).json();
    const res = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({
      username: normalUser.username,
      systemRole: "normal",
      authenticatedBy: "token",
    });
  });

  test("answers the current user for a console session cookie", async ({ playwright, baseURL }) => {
    const ctx = await playwright.request.newContext({ baseURL, storageState: admin.storage });
    const res = await ctx.get("/api/v1/me");
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ username: "admin", systemRole: "sysadmin", authenticatedBy: "session" });
    await ctx.dispose();
  });

  test("answers 401 problem+json for a missing, tampered or expired token", async ({ request }) => {
    await expectProblem(await request.get("/api/v1/me"), 401);

    const { token } = await (await login(request, normalUser.username, normalUser.password)).json();
    const tampered = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
    await expectProblem(await request.get("/api/v1/me", { headers: { authorization: `Bearer ${tampered}` } }), 401);

    const expired = await insertExpiredToken(normalUser.username);
    await expectProblem(await request.get("/api/v1/me", { headers: { authorization: `Bearer ${expired}` } }), 401);

    await expectProblem(await request.get("/api/v1/me", { headers: { authorization: "Basic YWRtaW46eA==" } }), 401);
  });
});

test.describe("GET /api/health", () => {
  test("answers ok with the database reachable", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  });
});

test.describe("static files", () => {
  test("the icon from public/ is served to anonymous visitors, not redirected to sign-in", async ({ request }) => {
    const res = await request.get("/favicon.svg", { maxRedirects: 0 });
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("image/svg+xml");
    expect(await res.text()).toContain("<title>Facet</title>");
  });
});
