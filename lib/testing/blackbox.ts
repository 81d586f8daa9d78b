// The real blackbox exporter for tests and benches: started on a free loopback port with the
// modules file Facet writes (in a throwaway data dir), and named to Facet by FACET_BLACKBOX_URL.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freeLoopbackPort } from "@/lib/probes/blackbox/exporter";

export interface TestBlackbox {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startBlackbox(): Promise<TestBlackbox> {
  const dataDir = mkdtempSync(join(tmpdir(), "facet-blackbox-"));
  mkdirSync(join(dataDir, "blackbox"));
  const config = join(dataDir, "blackbox", "modules.yml");
  writeFileSync(config, "modules: {}\n");
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    "prometheus-blackbox-exporter",
    [`--config.file=${config}`, `--web.listen-address=127.0.0.1:${port}`],
    { stdio: "ignore" },
  );
  for (const end = Date.now() + 10_000; ;) {
    try {
      if ((await fetch(`${url}/-/healthy`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > end || child.exitCode !== null) throw new Error("the blackbox exporter did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  process.env.FACET_DATA_DIR = dataDir;
  process.env.FACET_BLACKBOX_URL = url;
  return {
    url,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const gone = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await gone;
      }
      delete process.env.FACET_BLACKBOX_URL;
      delete process.env.FACET_DATA_DIR;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
