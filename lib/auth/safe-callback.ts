// Safe to import from client components.
const BASE = "http://facet.invalid";

/** Returns a same-app path for a post-login redirect, or "/" for anything that could leave
 *  the app. Judged on the parsed, normalised URL: `/.//evil.example` normalises to
 *  `//evil.example`, which a browser reads as another host. */
export function safeCallbackPath(raw: string | null | undefined): string {
  if (!raw || raw.length > 2048) return "/";
  if (!raw.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(raw)) return "/";
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = url.pathname;
  if (path.startsWith("//") || path.startsWith("/\\") || /^\/(?:%2f|%5c)/i.test(path)) return "/";
  if (path === "/login" || path.startsWith("/login/")) return "/";
  const result = path + url.search + url.hash;
  // Whatever the browser will do with it must stay on this origin too.
  return new URL(result, BASE).origin === BASE ? result : "/";
}
