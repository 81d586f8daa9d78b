import { safeCallbackPath } from "@/lib/auth/safe-callback";

/** The sign-in page, coming back afterwards to the page that was asked for (the proxy passes
 *  its path on in `x-facet-path`; the login page checks the callback again before using it). */
export function loginPath(h: Headers): string {
  const path = safeCallbackPath(h.get("x-facet-path"));
  return path === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(path)}`;
}
