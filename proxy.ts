import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { baseAuthConfig } from "@/lib/auth/base-config";
import { configuredOrigin } from "@/lib/http/origin";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { pageContentSecurityPolicy } from "@/lib/server/security-headers";

const { auth } = NextAuth(baseAuthConfig);

/** A fresh nonce per page: Next puts it on its own scripts when the request's CSP carries it. */
function withCsp(request: NextRequest, extra: Record<string, string>): { headers: Headers; csp: string } {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageContentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(extra)) headers.set(k, v);
  return { headers, csp };
}

// Only checks that a session exists; pages and APIs authorize for themselves.
export default auth((request) => {
  const requestId = crypto.randomUUID();
  const path = request.nextUrl.pathname;
  if (request.auth?.user || path === "/login" || path.startsWith("/login/")) {
    // For a page that finds the session no longer valid: it sends the visitor to sign in and back.
    const { headers, csp } = withCsp(request, {
      "x-request-id": requestId,
      "x-facet-path": path + request.nextUrl.search,
    });
    const response = NextResponse.next({ request: { headers } });
    response.headers.set("Content-Security-Policy", csp);
    response.headers.set("X-Request-Id", requestId);
    return response;
  }
  // On the configured origin, else relative (Next relativizes a Location on the request's own
  // origin), so the redirect never sends anyone to a host named by the Host header.
  const callback = safeCallbackPath(path + request.nextUrl.search);
  const target = `/login${callback === "/" ? "" : `?callbackUrl=${encodeURIComponent(callback)}`}`;
  const response = NextResponse.redirect(new URL(target, configuredOrigin() ?? request.url), 307);
  response.headers.set("X-Request-Id", requestId);
  return response;
});

export const config = {
  // Console pages and the sign-in page: APIs and wire protocols (sandbox Kubernetes API, Nacos,
  // OTLP, and the Loki push and modelx paths to come) authenticate for themselves, and static
  // files stay public. Those sit at the root only: a console path that ends in a dot and letters
  // (a config named app.yaml) still gets the session check and its CSP nonce.
  matcher: [
    "/((?!(?:api|sandbox|nacos|loki|modelx)(?:/|$)|_next/static|_next/image|favicon.ico|[^/]*\\.[a-zA-Z0-9]+$).*)",
  ],
};
