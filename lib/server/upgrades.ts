import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { handleSandboxUpgrade } from "@/lib/sandbox/http/exec-upgrade";
import { handlePodExecUpgrade } from "./pod-exec-upgrade";

const SANDBOX = "/sandbox/k8s";

/** Facet's own WebSocket endpoints: a pod's shell, and the sandbox cluster's exec. */
export function handleFacetUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
  const pathname = new URL(req.url ?? "/", "http://facet").pathname;
  if (pathname.startsWith(`${SANDBOX}/`))
    return handleSandboxUpgrade(req, socket, head, pathname.slice(SANDBOX.length));
  return handlePodExecUpgrade(req, socket, head);
}
