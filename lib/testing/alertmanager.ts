// A real Alertmanager (Debian's prometheus-alertmanager) for tests: a private config and storage
// in a temp directory, on a free loopback port, with HA gossip off (--cluster.listen-address=,
// or it listens on 0.0.0.0:9094 and clashes with other instances). No systemd.
import { freePort } from "./free-port";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Alertmanager {
  /** http://127.0.0.1:port */
  url: string;
  stop(): Promise<void>;
}

/** Routes everything to a receiver with no integrations: alerts are held and shown by the API. */
const CONFIG = `route:
  receiver: "null"
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: "null"
`;

export async function startAlertmanager(options: { binary?: string; timeoutMs?: number } = {}): Promise<Alertmanager> {
  const dir = mkdtempSync(join(tmpdir(), "facet-alertmanager-"));
  writeFileSync(join(dir, "alertmanager.yml"), CONFIG);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    options.binary ?? "prometheus-alertmanager",
    [
      `--config.file=${join(dir, "alertmanager.yml")}`,
      `--storage.path=${join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--cluster.listen-address=",
      "--log.level=warn",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`prometheus-alertmanager exited (${child.exitCode}): ${stderr}`);
    }
    const ready = await fetch(`${url}/-/ready`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus-alertmanager did not become ready at ${url}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
