import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { assertSameSiteWrite } from "@/lib/http/cross-site";
import { isOwnOrigin, publicOrigin } from "@/lib/http/origin";
import { loginPath } from "@/lib/http/login-path";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { CLIENT_ADDRESS_HEADER, createFacetServer } from "@/lib/server/facet-server";

// Class 7 of the security issue, piece by piece (e2e/api/web-security.spec.ts checks the
// assembled production server).

const OFF_SITE = [
  "/.//evil.example",
  "/.//evil.example/path?x=1",
  "/././/evil.example",
  "/a/..//evil.example",
  "/../..//evil.example",
  "/%2e/%2fevil.example",
  "/%2F%2Fevil.example",
  "/%5C%5Cevil.example",
  "//evil.example",
  "/\\evil.example",
  "/\tevil",
  "https://evil.example",
  "javascript:alert(1)",
];

describe("post-login callback paths", () => {
  it.each(OFF_SITE)("keep %s on this origin", (raw) => {
    const kept = safeCallbackPath(raw);
    expect(new URL(kept, "http://facet.invalid").origin).toBe("http://facet.invalid");
    expect(kept.startsWith("//")).toBe(false);
  });

  it("keeps ordinary paths", () => {
    expect(safeCallbackPath("/tenants/acme/projects/shop?tab=members#m")).toBe(
      "/tenants/acme/projects/shop?tab=members#m",
    );
    expect(loginPath(new Headers({ "x-facet-path": "/.//evil.example" }))).toBe("/login");
    expect(loginPath(new Headers({ "x-facet-path": "/tenants" }))).toBe("/login?callbackUrl=%2Ftenants");
  });
});

describe("the app's own origin", () => {
  const saved = process.env.AUTH_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.AUTH_URL;
    else process.env.AUTH_URL = saved;
  });

  it("is the request's Host when AUTH_URL is not set, never X-Forwarded-Host", () => {
    delete process.env.AUTH_URL;
    const h = new Headers({ host: "facet.local:3000", "x-forwarded-host": "evil.example" });
    expect(publicOrigin(h)).toBe("http://facet.local:3000");
    expect(isOwnOrigin("http://facet.local:3000", h)).toBe(true);
    for (const o of [
      "http://evil.example",
      "http://facet.local:3001",
      "http://facet.local:3000.evil.example",
      "null",
      "",
      "facet.local:3000",
      "file://facet.local:3000",
      null,
    ])
      expect(isOwnOrigin(o, h), String(o)).toBe(false);
  });

  it("is AUTH_URL's origin when set, whatever the Host says", () => {
    process.env.AUTH_URL = "https://console.example.com/";
    const h = new Headers({ host: "evil.example" });
    expect(publicOrigin(h)).toBe("https://console.example.com");
    expect(isOwnOrigin("https://console.example.com", h)).toBe(true);
    expect(isOwnOrigin("http://evil.example", h)).toBe(false);
    expect(isOwnOrigin("http://console.example.com", h)).toBe(false);
  });
});

describe("cookie-authenticated writes", () => {
  const req = (method: string, headers: Record<string, string>) =>
    new Request("http://facet.local:3000/api/v1/tenants", {
      method,
      headers: { host: "facet.local:3000", ...headers },
    });
  const cookie = { cookie: "authjs.session-token=abc" };
  const own = { origin: "http://facet.local:3000" };

  it("need the app's Origin and a JSON body", () => {
    const refused: Record<string, string>[] = [
      { ...cookie, "content-type": "application/json", "content-length": "2" },
      { ...cookie, origin: "http://evil.example", "content-type": "application/json", "content-length": "2" },
      { ...cookie, ...own, "content-type": "text/plain", "content-length": "2" },
      { ...cookie, ...own, "content-type": "multipart/form-data; boundary=x", "content-length": "2" },
      { ...cookie, ...own, "content-type": "application/x-www-form-urlencoded", "content-length": "2" },
      { ...cookie, ...own, "content-type": "text/json", "content-length": "2" },
      { cookie: "x=1; __Secure-authjs.session-token.0=abc", origin: "http://evil.example" },
    ];
    for (const headers of refused)
      for (const method of ["POST", "PUT", "PATCH", "DELETE"])
        expect(() => assertSameSiteWrite(req(method, headers)), `${method} ${JSON.stringify(headers)}`).toThrow(
          /Cross-site/,
        );
  });

  it("pass from the console, with a bearer token, when reading, or when anonymous (401 follows)", () => {
    const passing: Record<string, string>[] = [
      { ...cookie, ...own, "content-type": "application/json", "content-length": "2" },
      { ...cookie, ...own, "content-type": "application/merge-patch+json; charset=utf-8", "content-length": "2" },
      { ...cookie, ...own },
      {
        authorization: "Bearer fct_x",
        origin: "http://evil.example",
        "content-type": "text/plain",
        "content-length": "2",
      },
      { origin: "http://evil.example", "content-type": "text/plain", "content-length": "2" },
    ];
    for (const headers of passing)
      expect(() => assertSameSiteWrite(req("POST", headers)), JSON.stringify(headers)).not.toThrow();
    expect(() => assertSameSiteWrite(req("GET", { ...cookie, origin: "http://evil.example" }))).not.toThrow();
  });
});

describe("the production server in front of Next", () => {
  it("overwrites any client-sent address header with the socket peer and sets the security headers", async () => {
    const seen: (string | undefined)[] = [];
    const server = createFacetServer({
      handle: (req, res) => {
        seen.push(req.headers[CLIENT_ADDRESS_HEADER] as string | undefined);
        res.end("ok");
      },
      trustedProxies: [],
      https: true,
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const spoofs: Record<string, string>[] = [
        { [CLIENT_ADDRESS_HEADER]: "203.0.113.9" },
        { "x-forwarded-for": "203.0.113.9" },
        { [CLIENT_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "198.51.100.1", "x-real-ip": "198.51.100.2" },
      ];
      for (const headers of spoofs) {
        const res = await fetch(origin, { headers });
        expect(res.headers.get("x-frame-options")).toBe("DENY");
        expect(res.headers.get("strict-transport-security")).toContain("max-age=");
        expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      }
      expect(seen).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1"]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
