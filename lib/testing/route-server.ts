// Serves App Router route handlers (app/api, app/nacos…) from a plain node:http server on an
// ephemeral loopback port, streaming request bodies in, so that real HTTP clients (OTel SDK
// exporters, the nacos SDK, fetch, benches) talk to the very handlers Next serves.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
import { stampClientAddress } from "../server/facet-server";
import { apiRouteFiles, handlerFor, routeParams, type Method } from "./api";

type Handler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, string | string[] | undefined>> },
) => Promise<Response>;

export interface RouteServer {
  origin: string;
  /** host:port, as Nacos clients take it. */
  address: string;
  close(): Promise<void>;
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
  // Next sets X-Forwarded-For from the socket when no proxy did.
  if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", req.socket.remoteAddress ?? "");
  return headers;
}

/** Starts a server for every route.ts under `root` (a folder of app/). As Facet's own server
 *  does, it stamps the client address (the peer, or what `trustedProxies` vouch for). */
export async function startRouteServer(
  root = "app/api",
  options: { trustedProxies?: string[] } = {},
): Promise<RouteServer> {
  const routes = apiRouteFiles(root);
  const open = new Set<ServerResponse>();
  const server = createServer(async (req, res) => {
    open.add(res);
    stampClientAddress(req, options.trustedProxies ?? []);
    res.on("close", () => open.delete(res));
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
      const route = routes.find((r) => r.pattern.test(url.pathname));
      const handler = route && ((await handlerFor(req.method as Method, route.file)) as Handler | undefined);
      if (!route || !handler) {
        req.resume();
        res.writeHead(route ? 405 : 404).end();
        return;
      }
      const params = routeParams(route, url.pathname);
      // A client that goes away (a long poll given up) aborts the request.
      const aborted = new AbortController();
      res.on("close", () => !res.writableFinished && aborted.abort());
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const init = {
        method: req.method,
        headers: toHeaders(req),
        body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
        duplex: "half",
        signal: aborted.signal,
      };
      const response = await handler(new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]), {
        params: Promise.resolve(params),
      });
      const out = Buffer.from(await response.arrayBuffer());
      if (res.destroyed) return;
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(out);
      // A refused upload may still be arriving; let it drain.
      req.resume();
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
