// An HTTP request whose body arrives slowly or never finishes, as a slow-loris or a stalled
// upload sends it: headers and a first piece at once, then a byte now and then, or nothing.
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";

export interface SlowReply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface SlowRequest {
  /** Settles when the server answers (or the connection fails: status 0). */
  reply: Promise<SlowReply>;
  /** Sends the rest of the body now. */
  finish(rest?: Buffer | string): void;
  /** Drops the connection. */
  abort(): void;
}

export interface SlowOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Sent at once. */
  first: Buffer | string;
  /** Declared Content-Length; leave out for a chunked body. */
  declaredLength?: number;
  /** Trickle one byte every this many ms (never, when left out). */
  trickleMs?: number;
}

export function slowRequest(origin: string, path: string, options: SlowOptions): SlowRequest {
  const url = new URL(path, origin);
  const headers: Record<string, string> = { ...options.headers };
  if (options.declaredLength !== undefined) headers["content-length"] = String(options.declaredLength);
  const req = httpRequest(url, { method: options.method ?? "POST", headers, agent: false });
  let trickle: NodeJS.Timeout | undefined;
  const reply = new Promise<SlowReply>((resolve) => {
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        clearInterval(trickle);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") });
      });
      res.on("error", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: "" }));
    });
    req.on("error", () => {
      clearInterval(trickle);
      resolve({ status: 0, headers: {}, text: "" });
    });
  });
  req.write(options.first);
  if (options.trickleMs) trickle = setInterval(() => req.writable && req.write(" "), options.trickleMs);
  return {
    reply,
    finish: (rest) => {
      clearInterval(trickle);
      if (req.writable) req.end(rest);
    },
    abort: () => {
      clearInterval(trickle);
      req.destroy();
    },
  };
}
