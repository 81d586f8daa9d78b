import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { issueSandboxToken, renderKubeconfig, stopControllers } from "@/lib/sandbox";
import { handleSandboxRequest } from "@/lib/sandbox/http/handler";
import { handleSandboxUpgrade } from "@/lib/sandbox/http/exec-upgrade";

// Serves handleSandboxRequest from a plain node:http server on a loopback port, as the Next
// route does, streaming watch and log bodies; plus helpers to drive it with kubectl.

const MOUNT = "/sandbox/k8s";

function toHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(raw)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v));
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}

function startServer(): Promise<Server> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    if (!url.pathname.startsWith(MOUNT)) {
      res.writeHead(404).end();
      return;
    }
    const path = url.pathname.slice(MOUNT.length).split("/").filter(Boolean).map(decodeURIComponent);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const aborted = new AbortController();
    res.on("close", () => aborted.abort());
    const method = req.method ?? "GET";
    const request = new Request(url, {
      method,
      headers: toHeaders(req.headers),
      body: ["GET", "HEAD"].includes(method) || chunks.length === 0 ? undefined : Buffer.concat(chunks),
      signal: aborted.signal,
    });
    const response = await handleSandboxRequest(request, path);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    // Watch streams may stay quiet for a while; clients wait for the headers first.
    res.flushHeaders();
    if (!response.body) {
      res.end();
      return;
    }
    const reader = response.body.getReader();
    res.on("close", () => void reader.cancel().catch(() => undefined));
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        res.write(value);
      }
    } catch {
      // The client went away mid-stream.
    }
    res.end();
  });
  // Exec arrives as a WebSocket upgrade, as it does on Facet's own server.
  server.on("upgrade", (req, socket, head) => {
    const pathname = new URL(req.url ?? "/", "http://sandbox").pathname;
    if (pathname.startsWith(MOUNT) && handleSandboxUpgrade(req, socket, head, pathname.slice(MOUNT.length))) return;
    socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export interface Sandbox {
  server: URL;
  token: string;
  kubeconfigPath: string;
  dir: string;
  close(): Promise<void>;
}

export async function startSandbox(): Promise<Sandbox> {
  // Pods start quickly in tests; the controllers read this on every pass.
  process.env.SANDBOX_POD_START_MS ??= "200";
  process.env.SANDBOX_TICK_MS ??= "250";
  const http = await startServer();
  const { port } = http.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const { token } = await issueSandboxToken({ name: "vitest" });
  const dir = mkdtempSync(join(tmpdir(), "facet-sandbox-"));
  const kubeconfigPath = join(dir, "kubeconfig");
  writeFileSync(kubeconfigPath, renderKubeconfig({ origin, token }));
  return {
    server: new URL(`${origin}${MOUNT}`),
    token,
    kubeconfigPath,
    dir,
    async close() {
      stopControllers();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs kubectl against the sandbox, with its own discovery cache. */
export function kubectl(sandbox: Sandbox, args: string[], input?: string): Promise<Run> {
  const all = ["--kubeconfig", sandbox.kubeconfigPath, "--cache-dir", join(sandbox.dir, "cache"), ...args];
  return new Promise((resolve) => {
    const child = execFile("kubectl", all, { timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}

/** Starts a long-running kubectl (get --watch, logs -f) and resolves once its output satisfies `until`. */
export function kubectlUntil(
  sandbox: Sandbox,
  args: string[],
  until: (output: string) => boolean,
  onStarted?: (output: string) => Promise<void> | void,
): Promise<string> {
  const all = ["--kubeconfig", sandbox.kubeconfigPath, "--cache-dir", join(sandbox.dir, "cache"), ...args];
  const child = spawn("kubectl", all, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let started = false;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`kubectl ${args.join(" ")} did not print the expected output:\n${output}`)),
      15_000,
    );
    function finish(error?: Error) {
      clearTimeout(timer);
      child.kill("SIGTERM");
      if (error) reject(error);
      else resolve(output);
    }
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!started && onStarted) {
        started = true;
        Promise.resolve(onStarted(output)).catch((e: Error) => finish(e));
      }
      if (until(output)) finish();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", () => (until(output) ? finish() : finish(new Error(`kubectl exited early:\n${output}`))));
  });
}

/** Polls until `check` returns a value (no fixed sleeps). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 15_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}

export function uniqueNamespace(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The sandbox with Facet's reconciler running against it every second, as the console server runs it. */
export async function startReconcilingSandbox(): Promise<Sandbox> {
  process.env.FACET_RESYNC_SECONDS = "1";
  const sb = await startSandbox();
  process.env.FACET_INTERNAL_URL = sb.server.origin;
  const { startReconciler } = await import("@/lib/clusters/reconcile/loop");
  startReconciler();
  return sb;
}
