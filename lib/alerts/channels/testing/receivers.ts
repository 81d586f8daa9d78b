// Test receivers for alert channels: an HTTP server that records what it is sent and answers
// as told, and a real SMTP server (npm smtp-server) that keeps the mails it accepts.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface Received {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface HttpReceiver {
  url: string;
  received: Received[];
  /** What to answer next: a status and JSON body per request (default 200 {}). */
  respond: (r: Received) => { status: number; body?: unknown };
  close(): Promise<void>;
}

export async function startHttpReceiver(): Promise<HttpReceiver> {
  const receiver = {
    received: [] as Received[],
    respond: () => ({ status: 200, body: {} }),
  } as unknown as HttpReceiver;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      const text = Buffer.concat(chunks).toString();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON: keep the text */
      }
      const r: Received = { path: url.pathname, query: url.searchParams, headers: req.headers, body };
      receiver.received.push(r);
      const answer = receiver.respond(r);
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}

export interface Mail {
  from: string;
  to: string[];
  raw: string;
  user?: string;
}

export interface SmtpReceiver {
  port: number;
  mails: Mail[];
  close(): Promise<void>;
}

/** SMTP on loopback, plain unless `starttls`; checks a username/password when given. */
export async function startSmtpReceiver(
  auth?: { user: string; pass: string },
  options: { starttls?: boolean } = {},
): Promise<SmtpReceiver> {
  const mails: Mail[] = [];
  // With starttls, smtp-server offers STARTTLS with its built-in self-signed certificate.
  const disabled = [...(options.starttls ? [] : ["STARTTLS"]), ...(auth ? [] : ["AUTH"])];
  const server = new SMTPServer({
    disabledCommands: disabled,
    authOptional: !auth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(a, _session, callback) {
      if (auth && a.username === auth.user && a.password === auth.pass) return callback(null, { user: a.username });
      callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString(),
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A mail's body with quoted-printable soft breaks and escapes undone (enough for ASCII checks). */
export const mailText = (raw: string) =>
  raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
