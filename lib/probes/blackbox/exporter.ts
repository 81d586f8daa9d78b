import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { processSingleton } from "@/lib/cache";
import { logger } from "@/lib/observability/logger";
import { dataDir } from "@/lib/env";

// The exporter the scheduler calls: FACET_BLACKBOX_URL when set (it must read Facet's modules
// file), else one this process starts on a free loopback port and restarts if it dies.

export const modulesFile = () => join(dataDir(), "blackbox", "modules.yml");
const BINARY = () => process.env.FACET_BLACKBOX_BIN ?? "prometheus-blackbox-exporter";
const RESTART_MS = 1_000;

export async function writeModulesFile(text: string): Promise<void> {
  const file = modulesFile();
  await mkdir(join(dataDir(), "blackbox"), { recursive: true });
  // Renamed into place, so the exporter never reads half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, file);
}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

async function waitHealthy(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const res = await fetch(`${url}/-/healthy`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`the blackbox exporter at ${url} did not become healthy`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

class Supervisor {
  private child: ChildProcess | null = null;
  private url: Promise<string> | null = null;
  private stopped = false;

  /** The exporter's base URL, starting it first if this process supervises it. */
  exporterUrl(): Promise<string> {
    const external = process.env.FACET_BLACKBOX_URL;
    if (external) return Promise.resolve(external.replace(/\/$/, ""));
    this.stopped = false;
    this.url ??= this.spawn().catch((error) => {
      this.url = null;
      throw error;
    });
    return this.url;
  }

  private async spawn(): Promise<string> {
    const { existsSync } = await import("node:fs");
    if (!existsSync(modulesFile())) await writeModulesFile("modules: {}\n");
    const port = await freeLoopbackPort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(BINARY(), [`--config.file=${modulesFile()}`, `--web.listen-address=127.0.0.1:${port}`], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    this.child = child;
    let tail = "";
    child.stderr?.on("data", (d: Buffer) => (tail = (tail + d.toString()).slice(-2000)));
    child.once("error", (error) => logger.error({ err: error }, "could not start the blackbox exporter"));
    child.once("exit", (code, signal) => {
      if (this.child !== child) return;
      this.child = null;
      this.url = null;
      if (this.stopped) return;
      logger.warn({ code, signal, stderr: tail }, "the blackbox exporter exited; restarting it");
      setTimeout(() => !this.stopped && void this.exporterUrl().catch(() => undefined), RESTART_MS).unref();
    });
    await waitHealthy(url, 10_000);
    logger.info({ url, config: modulesFile() }, "blackbox exporter started");
    return url;
  }

  /** The pid of the supervised exporter (tests kill it to see it come back). */
  pid(): number | null {
    return this.child?.pid ?? null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const child = this.child;
    this.child = null;
    this.url = null;
    if (child && child.exitCode === null) {
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await gone;
    }
  }
}

export const blackbox = () => processSingleton("probes.blackbox", () => new Supervisor());

/** Makes the exporter re-read the modules file; a refused file is an error with its message. */
export async function reloadExporter(url: string): Promise<void> {
  const res = await fetch(`${url}/-/reload`, { method: "POST", signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`blackbox exporter reload failed (${res.status}): ${(await res.text()).slice(0, 500)}`);
}
