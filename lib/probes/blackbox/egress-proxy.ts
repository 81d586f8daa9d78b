import "server-only";
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import { connect, isIP, type AddressInfo, type Socket } from "node:net";
import { processSingleton } from "@/lib/cache";
import { refusalFor, guardedLookup, type EgressOptions } from "@/lib/net/egress";
import { logger } from "@/lib/observability/logger";

// The exporter follows redirects on its own, to wherever they point. HTTP probes that follow
// redirects therefore go through this loopback proxy, which applies the egress policy to every
// hop as it connects (the cluster's private-address allowance travels as the proxy user).

const optionsOf = (req: IncomingMessage): EgressOptions => {
  const auth = req.headers["proxy-authorization"] ?? "";
  const user = /^Basic (.+)$/i.exec(auth)?.[1];
  return { allowPrivate: user ? Buffer.from(user, "base64").toString().startsWith("private:") : false };
};

const literalRefusal = (host: string, options: EgressOptions) => {
  const bare = host.replace(/^\[|\]$/g, "");
  return isIP(bare) ? refusalFor(bare, options) : null;
};

const REFUSED = "Refused by Facet's egress policy";

function onConnect(req: IncomingMessage, client: Socket, head: Buffer): void {
  const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(req.url ?? "");
  const options = optionsOf(req);
  if (!m || literalRefusal(m[1], options)) {
    client.end(`HTTP/1.1 403 ${REFUSED}\r\n\r\n`);
    return;
  }
  const upstream = connect({
    host: m[1].replace(/^\[|\]$/g, ""),
    port: Number(m[2]),
    lookup: guardedLookup(options) as never,
  });
  upstream.once("connect", () => {
    client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
    if (head.length) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  upstream.once("error", (error) => {
    if (client.writable)
      client.end(
        `HTTP/1.1 ${error.name === "EgressRefused" ? 403 : 502} ${error.name === "EgressRefused" ? REFUSED : "Bad Gateway"}\r\n\r\n`,
      );
  });
  client.once("error", () => upstream.destroy());
}

function onRequest(req: IncomingMessage, res: import("node:http").ServerResponse): void {
  let url: URL;
  try {
    url = new URL(req.url ?? "");
  } catch {
    res.writeHead(400).end();
    return;
  }
  const options = optionsOf(req);
  if (url.protocol !== "http:" || literalRefusal(url.hostname, options)) {
    res.writeHead(403, REFUSED).end();
    return;
  }
  const headers = { ...req.headers };
  delete headers["proxy-authorization"];
  delete headers["proxy-connection"];
  const upstream = request(
    {
      host: url.hostname.replace(/^\[|\]$/g, ""),
      port: url.port || 80,
      method: req.method,
      path: `${url.pathname}${url.search}`,
      headers,
      lookup: guardedLookup(options) as never,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.once("error", (error) => {
    if (!res.headersSent)
      res.writeHead(
        error.name === "EgressRefused" ? 403 : 502,
        error.name === "EgressRefused" ? REFUSED : "Bad Gateway",
      );
    res.end();
  });
  req.pipe(upstream);
}

class EgressProxy {
  private server: Server | null = null;
  private url: Promise<string> | null = null;

  /** The proxy's loopback URL, started on first use. */
  origin(): Promise<string> {
    this.url ??= new Promise<string>((resolve, reject) => {
      const server = createServer(onRequest);
      server.on("connect", onConnect);
      server.on("clientError", (_e, socket) => socket.destroy());
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        this.server = server;
        logger.info({ port: (server.address() as AddressInfo).port }, "probe egress proxy listening");
        resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`);
      });
    });
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.url = null;
    if (server) {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  }
}

export const probeEgressProxy = () => processSingleton("probes.egress-proxy", () => new EgressProxy());
