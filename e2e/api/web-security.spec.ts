import { expect, test, type APIRequestContext } from "@playwright/test";
import { admin } from "../support/accounts";

// Class 7 of the security issue, against the production server (scripts/server.ts): security
// headers everywhere, cookie-authenticated writes only from Facet's own pages, redirects that
// never trust the Host header.

const BASE_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

test("every kind of response carries the security headers, pages a nonce-based CSP", async ({ request }) => {
  for (const path of [
    "/login",
    "/api/health",
    "/api/v1/me",
    "/favicon.svg",
    "/nacos/v1/cs/configs",
    "/sandbox/k8s/api",
    "/no-such-page-anywhere",
  ]) {
    const res = await request.get(path, { maxRedirects: 0 });
    const headers = res.headers();
    for (const [name, value] of Object.entries(BASE_HEADERS)) expect(headers[name], `${path} ${name}`).toBe(value);
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["strict-transport-security"], "no HSTS over plain http").toBeUndefined();
  }
  const page = await request.get("/login");
  const csp = page.headers()["content-security-policy"];
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).not.toContain("'unsafe-inline' 'strict-dynamic'");
  const scripts = [...(await page.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, "every script carries this response's nonce").toContain(`nonce="${nonce}"`);
});

test.describe("cookie-authenticated writes", () => {
  let ctx: APIRequestContext;
  test.beforeAll(async ({ playwright, baseURL }) => {
    ctx = await playwright.request.newContext({ baseURL, storageState: admin.storage });
  });
  test.afterAll(async () => ctx.dispose());

  const create = (name: string, headers: Record<string, string>, data: string) =>
    ctx.post("/api/v1/tenants", { headers, data, maxRedirects: 0 });
  const exists = async (name: string) => (await ctx.get(`/api/v1/tenants/${name}`)).status() === 200;

  test("are refused from another origin, without an Origin, or with a non-JSON body", async ({ baseURL }) => {
    const body = (name: string) => JSON.stringify({ name });
    const forged: [string, Record<string, string>][] = [
      ["csrf-a", { Origin: "http://evil.example", "Content-Type": "application/json" }],
      ["csrf-b", { Origin: "null", "Content-Type": "application/json" }],
      ["csrf-c", { "Content-Type": "application/json" }],
      ["csrf-d", { Origin: baseURL!, "Content-Type": "text/plain;charset=UTF-8" }],
      ["csrf-e", { Origin: baseURL!, "Content-Type": "application/x-www-form-urlencoded" }],
      ["csrf-f", { Origin: `${baseURL}.evil.example`, "Content-Type": "application/json" }],
      ["csrf-g", { Origin: baseURL!.replace("127.0.0.1", "localhost"), "Content-Type": "application/json" }],
    ];
    for (const [name, headers] of forged) {
      const res = await create(name, headers, body(name));
      expect(res.status(), `${name} ${JSON.stringify(headers)}`).toBe(403);
      expect(res.headers()["content-type"]).toContain("application/problem+json");
      expect(await exists(name), name).toBe(false);
    }
    const del = await ctx.delete("/api/v1/tenants/demo", { headers: { Origin: "http://evil.example" } });
    expect(del.status()).toBe(403);
    expect(await exists("demo")).toBe(true);
  });

  test("work from Facet's own origin with JSON", async ({ baseURL }) => {
    const name = `csrf-ok-${Date.now().toString(36)}`;
    const res = await create(name, { Origin: baseURL!, "Content-Type": "application/json" }, JSON.stringify({ name }));
    expect(res.status(), await res.text()).toBe(201);
    expect((await ctx.delete(`/api/v1/tenants/${name}`, { headers: { Origin: baseURL! } })).status()).toBe(204);
  });
});

test("redirects to sign in are relative, whatever Host and X-Forwarded-Host say", async ({ request }) => {
  const spoofs: Record<string, string>[] = [
    { Host: "evil.example" },
    { "X-Forwarded-Host": "evil.example" },
    { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" },
  ];
  for (const headers of spoofs) {
    const res = await request.get("/tenants?x=1", { headers, maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(res.headers().location, JSON.stringify(headers)).toBe("/login?callbackUrl=%2Ftenants%3Fx%3D1");
  }
});

test("the sign-in page never sends anyone off-site after signing in", async ({ request }) => {
  for (const callback of [
    "/.//evil.example",
    "//evil.example",
    "/%2F%2Fevil.example",
    "/\\evil.example",
    "https://evil.example",
    "/./\\/evil.example",
    "/../..//evil.example",
  ]) {
    const html = await (await request.get(`/login?callbackUrl=${encodeURIComponent(callback)}`)).text();
    const value = /name="callbackUrl"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="callbackUrl"/.exec(html);
    const kept = (value?.[1] ?? value?.[2] ?? "/").replace(/&amp;/g, "&");
    expect(new URL(kept, "http://facet.invalid").origin, `${callback} → ${kept}`).toBe("http://facet.invalid");
    expect(kept.startsWith("//")).toBe(false);
  }
});

test("wire-protocol paths of later features are never sent to sign in", async ({ request }) => {
  for (const path of [
    "/loki/api/v1/push",
    "/loki",
    "/modelx",
    "/modelx/",
    "/modelx/library/index",
    "/nacos/v1/cs/configs",
    "/nacos",
    "/sandbox/k8s/api",
    "/sandbox",
  ]) {
    const res = await request.get(path, { maxRedirects: 0 });
    // Next may normalise a trailing slash (308 to the same path); it must never be the sign-in page.
    expect(res.headers().location ?? "", path).not.toMatch(/login/);
    expect(res.status(), path).not.toBe(307);
  }
});
