import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { Duplex } from "node:stream";
import { PassThrough, Writable } from "node:stream";
import { Exec } from "@kubernetes/client-node";
import { WebSocket, WebSocketServer, type RawData } from "ws";
import { authenticate } from "@/lib/auth/authenticate";
import type { AuthedContext, RequestContext } from "@/lib/core/context";
import { operation } from "@/lib/core/operation";
import { clientAddressFrom, requestIdFrom } from "@/lib/core/request-meta";
import { withRequestEpochs } from "@/lib/db/epochs";
import { AppError } from "@/lib/errors";
import { executeOperation } from "@/lib/http/operation";
import { isOwnOrigin } from "@/lib/http/origin";
import { toProblem } from "@/lib/http/problem";
import { logger } from "@/lib/observability/logger";
import { environmentScope } from "@/lib/tenancy/scope";
import { openPodExec, type PodExecTarget } from "@/lib/workloads/open-pod-exec";
import { ExecQuery, PodParams } from "@/lib/workloads/schemas";

// The browser's shell: a WebSocket on Facet's own server at …/pods/{pod}/exec, authenticated and
// authorized as routes are, relayed frame by frame to the cluster's exec endpoint. Both sides
// speak the Kubernetes channel protocol; the browser may send only stdin and resize.

const PATH = /^\/api\/v1\/tenants\/([^/]+)\/projects\/([^/]+)\/environments\/([^/]+)\/pods\/([^/]+)\/exec$/;
export const BROWSER_PROTOCOLS = ["v5.channel.k8s.io", "v4.channel.k8s.io"];
const STDIN = 0;
const RESIZE = 4;

export function execBounds() {
  return {
    maxMs: Number(process.env.FACET_EXEC_MAX_SECONDS ?? 3600) * 1000,
    /** One message (a paste) and the whole session's input. */
    maxMessageBytes: 16 * 1024,
    maxInputBytes: Number(process.env.FACET_EXEC_MAX_INPUT_BYTES ?? 1024 * 1024),
  };
}

const wss = new WebSocketServer({
  noServer: true,
  maxPayload: execBounds().maxMessageBytes + 1,
  handleProtocols: (offered) => BROWSER_PROTOCOLS.find((p) => offered.has(p)) ?? false,
});

const execOperation = operation({
  params: PodParams,
  query: ExecQuery,
  scope: environmentScope,
  verb: openPodExec,
  handler: ({ ctx, input }) =>
    openPodExec({
      ctx,
      input: { pod: input.params.pod, container: input.query.container, command: input.query.command },
    }),
});

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
  // Auth.js picks the session cookie's name (__Secure- or not) from the protocol when AUTH_URL
  // is unset; Next tells it from the socket, and so does this (never from the client).
  headers.set("x-forwarded-proto", (req.socket as TLSSocket).encrypted ? "https" : "http");
  return headers;
}

function refuse(socket: Duplex, error: unknown, requestId: string) {
  const { problem } = toProblem(error, requestId);
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${problem.status} ${problem.title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Authenticates, checks Origin, authorizes and audits; the cluster target or a thrown refusal. */
async function admit(req: IncomingMessage, match: RegExpExecArray, requestId: string): Promise<PodExecTarget> {
  const headers = headersOf(req);
  // A browser sends its cookie to any site's WebSocket: only Facet's own pages may use it.
  if (!headers.has("authorization") && headers.has("cookie") && !isOwnOrigin(headers.get("origin"), headers))
    throw new AppError(
      "FORBIDDEN",
      "Cross-site WebSocket refused: a shell signed in by cookie must come from Facet's own pages.",
    );
  const base: RequestContext = { actor: null, scope: {}, requestId, clientAddress: clientAddressFrom(headers) };
  return withRequestEpochs(async () => {
    const ctx = { ...base, actor: await authenticate(headers, true) } as AuthedContext;
    const url = new URL(req.url ?? "/", "http://facet");
    const command = url.searchParams.getAll("command");
    const query = {
      ...Object.fromEntries(url.searchParams),
      command: command.length > 1 ? command : command[0],
    };
    const [tenant, project, environment, pod] = match.slice(1).map(decodeURIComponent);
    return executeOperation(execOperation, ctx, { params: { tenant, project, environment, pod }, query });
  });
}

function relay(browser: WebSocket, target: PodExecTarget) {
  const { maxMs, maxInputBytes } = execBounds();
  let input = 0;
  let cluster: WebSocket | null = null;
  const pendingResizes: Buffer[] = [];
  const toBrowser = (channel: number) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (browser.readyState === WebSocket.OPEN) browser.send(Buffer.concat([Buffer.from([channel]), chunk]));
        done();
      },
    });
  const stdin = new PassThrough();
  const end = (code = 1000, reason = "") => {
    clearTimeout(timer);
    stdin.end();
    if (browser.readyState === WebSocket.OPEN) browser.close(code, reason);
    cluster?.close();
  };
  const timer = setTimeout(() => end(4408, "session time limit reached"), maxMs);
  browser.on("message", (data: RawData, isBinary: boolean) => {
    const frame = isBinary ? Buffer.from(data as Buffer) : Buffer.from(data.toString());
    input += frame.length;
    if (input > maxInputBytes) return end(4413, "session input limit reached");
    if (frame[0] === STDIN) stdin.write(frame.subarray(1));
    else if (frame[0] === RESIZE) {
      if (cluster?.readyState === WebSocket.OPEN) cluster.send(frame);
      else pendingResizes.push(frame);
    }
  });
  browser.on("close", () => end());
  // An oversize message or a broken peer: end the session (an unheard error would crash the server).
  browser.on("error", () => end(1009, "message too large"));
  new Exec(target.kc)
    .exec(
      target.namespace,
      target.pod,
      target.container,
      target.command,
      toBrowser(1),
      toBrowser(2),
      stdin,
      true,
      (status) => {
        if (browser.readyState === WebSocket.OPEN)
          browser.send(Buffer.concat([Buffer.from([3]), Buffer.from(JSON.stringify(status))]));
      },
    )
    .then((socket) => {
      cluster = socket as unknown as WebSocket;
      cluster.on("close", () => end());
      cluster.on("error", () => end(1011, "cluster connection failed"));
      for (const frame of pendingResizes.splice(0)) cluster.send(frame);
      if (browser.readyState !== WebSocket.OPEN) cluster.close();
    })
    .catch((error: unknown) => {
      logger.warn({ err: error }, "exec: the cluster refused the connection");
      const status = { status: "Failure", message: "The cluster refused the exec connection." };
      if (browser.readyState === WebSocket.OPEN)
        browser.send(Buffer.concat([Buffer.from([3]), Buffer.from(JSON.stringify(status))]));
      end(1011, "cluster exec failed");
    });
}

/** Takes the upgrade when it is a pod's exec; false leaves it to others. */
export function handlePodExecUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
  const match = PATH.exec(new URL(req.url ?? "/", "http://facet").pathname);
  if (!match) return false;
  // The client may leave while it is being admitted.
  socket.on("error", () => socket.destroy());
  const requestId = requestIdFrom(headersOf(req));
  void admit(req, match, requestId).then(
    (target) => wss.handleUpgrade(req, socket, head, (ws) => relay(ws, target)),
    (error: unknown) => refuse(socket, error, requestId),
  );
  return true;
}
