import "server-only";

/** The host:port Nacos clients should use for Facet: FACET_NACOS_SERVER_ADDR, else the
 *  host of AUTH_URL, else this process' port on localhost. */
export function nacosServerAddr(): string {
  if (process.env.FACET_NACOS_SERVER_ADDR) return process.env.FACET_NACOS_SERVER_ADDR;
  const url = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  if (url) {
    try {
      const parsed = new URL(url);
      return parsed.port ? parsed.host : `${parsed.hostname}:${parsed.protocol === "https:" ? 443 : 80}`;
    } catch {
      // Fall through to the local default.
    }
  }
  return `127.0.0.1:${process.env.PORT ?? 3000}`;
}
