// Safe anywhere: the one URL an operator gives for an external Nacos, and how Facet stores it
// (server origin + context path). A path in the URL is the context path; none means "nacos".

const DEFAULT_CONTEXT_PATH = "nacos";
const CONTEXT_PATH = /^[A-Za-z0-9_-]+$/;

function parse(address: string): URL | null {
  try {
    return new URL(address);
  } catch {
    return null;
  }
}

/** http(s), no credentials, query or fragment, and at most one path segment. */
export function isNacosAddress(address: string): boolean {
  const url = parse(address);
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) return false;
  if (url.username || url.password || url.search || url.hash) return false;
  const path = url.pathname.replace(/^\/+|\/+$/g, "");
  return path === "" || CONTEXT_PATH.test(path);
}

/** The stored parts of a valid address: `http://nacos:8848` → origin and the context path "nacos". */
export function splitNacosAddress(address: string): { serverAddr: string; contextPath: string } {
  const url = new URL(address);
  const path = url.pathname.replace(/^\/+|\/+$/g, "");
  return { serverAddr: url.origin, contextPath: path || DEFAULT_CONTEXT_PATH };
}

/** The address shown for stored parts; the default context path is left out, as it was given. */
export function joinNacosAddress(serverAddr: string, contextPath: string): string {
  const origin = (/^https?:\/\//.test(serverAddr) ? serverAddr : `http://${serverAddr}`).replace(/\/+$/, "");
  const path = contextPath.replace(/^\/+|\/+$/g, "");
  return path === DEFAULT_CONTEXT_PATH || path === "" ? origin : `${origin}/${path}`;
}
