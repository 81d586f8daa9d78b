// Facet's HTTP server: Next behind a small node:http front that knows the socket's peer
// (for FACET_TRUSTED_PROXIES), sets the security headers and can upgrade connections.
// Usage: node --import tsx scripts/server.ts [-p PORT] [-H HOST]
import { register } from "node:module";
import next from "next";
import { parseTrustedProxies } from "../lib/http/client-address";
import { createFacetServer } from "../lib/server/facet-server";

function option(flag: string, fallback: string): string {
  const at = process.argv.indexOf(flag);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const port = Number(option("-p", process.env.PORT ?? "3000"));
const hostname = option("-H", process.env.HOST ?? "0.0.0.0");
const dev = process.argv.includes("--dev");

const app = next({ dev, hostname, port, dir: process.cwd() });
await app.prepare();
const handle = app.getRequestHandler();
const nextUpgrade = dev ? app.getUpgradeHandler() : null;

// The WebSocket endpoints run Facet's lib code in this process, outside Next's bundles; its
// "server-only" guards are for client bundles, so here the package resolves to nothing.
register(
  "data:text/javascript," +
    encodeURIComponent(
      'export async function resolve(s, c, next) { return s === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(s, c); }',
    ),
);
const { handleFacetUpgrade } = await import("../lib/server/upgrades");

const server = createFacetServer({
  handle: (req, res) => handle(req, res),
  // Next's own upgrades (hot reload in development), then pod shells and the sandbox's exec.
  upgrade: (req, socket, head) => {
    if (nextUpgrade && req.url?.startsWith("/_next/")) {
      void nextUpgrade(req, socket, head);
      return true;
    }
    return handleFacetUpgrade(req, socket, head);
  },
  trustedProxies: parseTrustedProxies(process.env.FACET_TRUSTED_PROXIES),
  https: (process.env.AUTH_URL ?? "").startsWith("https:"),
});

server.listen(port, hostname, () => {
  console.log(`Facet listening on http://${hostname}:${port}`);
});

const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
