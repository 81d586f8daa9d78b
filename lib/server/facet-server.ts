import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { resolveClientAddress } from "../http/client-address";
import { CLIENT_ADDRESS_HEADER } from "../core/request-meta";
import { baseSecurityHeaders } from "./security-headers";

export { CLIENT_ADDRESS_HEADER };

export interface FacetServerOptions {
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
  /** WebSocket and other upgrades; unknown ones are refused. */
  upgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;
  trustedProxies: string[];
  /** The public origin is https (AUTH_URL), so browsers get HSTS. */
  https: boolean;
}

/** Overwrites whatever the client sent: only this server says who the client is. */
export function stampClientAddress(req: IncomingMessage, trusted: string[]): void {
  const forwarded = req.headers["x-forwarded-for"];
  const address = resolveClientAddress(
    req.socket.remoteAddress,
    Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    trusted,
  );
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
  else delete req.headers[CLIENT_ADDRESS_HEADER];
}

/** The node:http server in front of Next: peer address, security headers, upgrades. */
export function createFacetServer(options: FacetServerOptions): Server {
  const headers = Object.entries(baseSecurityHeaders({ https: options.https }));
  const server = createServer((req, res) => {
    stampClientAddress(req, options.trustedProxies);
    for (const [name, value] of headers) res.setHeader(name, value);
    void Promise.resolve(options.handle(req, res)).catch(() => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end();
    });
  });
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    stampClientAddress(req, options.trustedProxies);
    if (options.upgrade?.(req, socket, head)) return;
    socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  });
  // Next adds its own upgrade listener on the first request, which ends every upgrade aimed at
  // an app route (the sandbox's /sandbox/k8s exec among them): upgrades are routed here only.
  const on = server.on.bind(server) as (event: string | symbol, listener: (...args: never[]) => void) => Server;
  const ownUpgrades = (event: string | symbol, listener: (...args: never[]) => void) =>
    event === "upgrade" ? server : on(event, listener);
  server.on = ownUpgrades as typeof server.on;
  server.addListener = ownUpgrades as typeof server.addListener;
  // Slow clients cannot hold a connection open forever before sending their headers.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  return server;
}
