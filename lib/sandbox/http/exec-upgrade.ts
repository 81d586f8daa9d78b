import "server-only";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { getDb } from "@/lib/db/client";
import { resolveResourceType } from "../registry";
import { readObject } from "../store/read";
import { K8sError, badRequest, notFound, unauthorized } from "../k8s-error";
import type { JsonObject } from "../types";
import { runExecSession } from "../exec/session";
import { authenticated } from "./handler";

// GET /api/v1/namespaces/{ns}/pods/{name}/exec as a WebSocket upgrade (what kubectl 1.30+ and
// client-node speak): the sandbox's containers answer with a small built-in shell.

export const EXEC_PROTOCOLS = ["v5.channel.k8s.io", "v4.channel.k8s.io"];
const EXEC_PATH = /^api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/exec$/;
const wss = new WebSocketServer({
  noServer: true,
  maxPayload: 64 * 1024,
  handleProtocols: (offered) => EXEC_PROTOCOLS.find((p) => offered.has(p)) ?? false,
});

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  return headers;
}

function refuse(socket: Duplex, error: K8sError) {
  const body = JSON.stringify(error.toStatus());
  socket.end(
    `HTTP/1.1 ${error.code} ${error.reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Handles the upgrade when `path` (after the mount point) names a pod's exec; false otherwise. */
export function handleSandboxUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, path: string): boolean {
  const match = EXEC_PATH.exec(path.replace(/^\/+/, ""));
  if (!match) return false;
  socket.on("error", () => socket.destroy());
  void (async () => {
    try {
      if (!(await authenticated(headersOf(req)))) throw unauthorized();
      const [namespace, name] = [decodeURIComponent(match[1]), decodeURIComponent(match[2])];
      const query = new URL(req.url ?? "/", "http://sandbox").searchParams;
      const command = query.getAll("command");
      if (command.length === 0) throw badRequest("you must specify at least 1 command");
      const type = (await resolveResourceType("", "v1", "pods"))!;
      const pod = await readObject(getDb(), type, namespace, name);
      if (!pod) throw notFound(type, name);
      const containers = (pod.spec?.containers as JsonObject[] | undefined) ?? [];
      const requested = query.get("container") ?? "";
      const container = requested ? containers.find((c) => c.name === requested) : containers[0];
      if (!container) throw badRequest(`container ${requested} is not valid for pod ${name}`);
      if (pod.status?.phase !== "Running")
        throw badRequest(`unable to upgrade connection: container not found ("${String(container.name)}")`);
      const protocols = String(req.headers["sec-websocket-protocol"] ?? "")
        .split(",")
        .map((p) => p.trim());
      if (!protocols.some((p) => EXEC_PROTOCOLS.includes(p)))
        throw badRequest(`one of the subprotocols ${EXEC_PROTOCOLS.join(", ")} is required`);
      const env = Object.fromEntries(
        ((container.env as JsonObject[] | undefined) ?? [])
          .filter((e) => typeof e.value === "string")
          .map((e) => [String(e.name), String(e.value)]),
      );
      wss.handleUpgrade(req, socket, head, (ws) =>
        runExecSession(ws, {
          command,
          tty: query.get("tty") === "true",
          stdin: query.get("stdin") === "true",
          state: {
            cwd: "/",
            hostname: name,
            env: { PATH: "/usr/local/bin:/usr/bin:/bin", HOSTNAME: name, HOME: "/root", ...env },
          },
        }),
      );
    } catch (error) {
      refuse(socket, error instanceof K8sError ? error : new K8sError(500, "InternalError", "exec failed"));
    }
  })();
  return true;
}
