// Safe to import from client components.
/** Returns a same-app path for a post-login redirect, or "/" for anything that could leave
 *  the app (absolute URLs, protocol-relative `//host`, backslash tricks, control characters). */
export function safeCallbackPath(raw: string | null | undefined): string {
  if (!raw || raw.length > 2048) return "/";
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f\\]/.test(raw)) return "/";
  try {
    const base = "http://facet.invalid";
    const url = new URL(raw, base);
    if (url.origin !== base) return "/";
    if (url.pathname.startsWith("/login")) return "/";
    return url.pathname + url.search + url.hash;
  } catch {
    return "/";
  }
}
