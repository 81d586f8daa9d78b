import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { baseAuthConfig } from "@/lib/auth/base-config";

const { auth } = NextAuth(baseAuthConfig);

// Only checks that a session exists; pages and APIs authorize for themselves.
export default auth((request) => {
  const requestId = crypto.randomUUID();
  if (request.auth?.user) {
    const headers = new Headers(request.headers);
    headers.set("x-request-id", requestId);
    // For a page that finds the session no longer valid: it sends the visitor to sign in and back.
    headers.set("x-facet-path", request.nextUrl.pathname + request.nextUrl.search);
    const response = NextResponse.next({ request: { headers } });
    response.headers.set("X-Request-Id", requestId);
    return response;
  }
  // Redirect on the host the browser used: nextUrl may name another one (localhost).
  const host = request.headers.get("host") ?? request.nextUrl.host;
  const login = new URL(`${request.nextUrl.protocol}//${host}/login`);
  login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.redirect(login, 307);
  response.headers.set("X-Request-Id", requestId);
  return response;
});

export const config = {
  // Console pages only: APIs and wire protocols (sandbox Kubernetes API, Nacos) authenticate
  // for themselves, and static files stay public.
  matcher: ["/((?!api/|sandbox/|nacos/|login|_next/static|_next/image|favicon.ico|.*\\.[a-zA-Z0-9]+$).*)"],
};
