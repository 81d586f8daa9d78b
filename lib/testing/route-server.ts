// Serves App Router route handlers (e.g. app/nacos) from a plain node:http server on an
// ephemeral loopback port, so that real HTTP clients (the nacos SDK, fetch) can talk to them.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { apiRouteFiles, handlerFor, type Method } from "./api";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface RouteServer {
  origin: string;
  /** host:port, as Nacos clients take it. */
  address: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts a server for every route.ts under `root` (a folder of app/). */
export async function startRouteServer(root: string): Promise<RouteServer> {
  const routes = apiRouteFiles(root);
  const open = new Set<ServerResponse>();
  const server: Server = createServer(async (req, res) => {
    open.add(res);
    res.on("close", () => open.delete(res));
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
      const route = routes.find((r) => r.pattern.test(url.pathname));
      const handler = route && ((await handlerFor(req.method as Method, route.file)) as Handler | undefined);
      if (!route || !handler) {
        res.writeHead(route ? 405 : 404).end();
        return;
      }
      const values = route.pattern.exec(url.pathname)!.slice(1).map(decodeURIComponent);
      const params = Object.fromEntries(route.names.map((n, i) => [n, values[i]]));
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
      // Next sets X-Forwarded-For from the socket when no proxy did.
      if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", req.socket.remoteAddress ?? "");
      const aborted = new AbortController();
      res.on("close", () => !res.writableFinished && aborted.abort());
      const body = req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(await readBody(req));
      const request = new NextRequest(url, { method: req.method, headers, body, signal: aborted.signal });
      const response = await handler(request, { params: Promise.resolve(params) });
      const out = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(out);
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });
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
