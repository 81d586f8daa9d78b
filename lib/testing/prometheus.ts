// A real Prometheus (Debian's binary) for tests: a private config and TSDB in a temp directory,
// on a free loopback port, ready once a query returns what the test waits for.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port";
import { eventually } from "./sandbox-harness";
import { api, expectOk } from "./world";

export interface TestPrometheus {
  url: string;
  /** Makes it the cluster's metrics backend (as a sysadmin does on the cluster page). */
  serveCluster(root: string, cluster: string): Promise<void>;
  stop(): Promise<void>;
}

/** `config` is prometheus.yml; `ready` is true once Prometheus answers the query as the test needs. */
export async function startPrometheus(
  config: string,
  ready: { query: string; until: (result: unknown[]) => boolean; what: string },
): Promise<TestPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), "facet-prom-"));
  const port = await freePort();
  writeFileSync(join(dir, "prometheus.yml"), config);
  const child = spawn(
    "prometheus",
    [
      `--config.file=${join(dir, "prometheus.yml")}`,
      `--storage.tsdb.path=${join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: "ignore" },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await eventually(
      async () => {
        const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(ready.query)}`).catch(() => null);
        const body = res?.ok ? ((await res.json()) as { data: { result: unknown[] } }) : null;
        return body ? ready.until(body.data.result) : false;
      },
      30_000,
      ready.what,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    stop,
    serveCluster: async (root, cluster) => {
      await expectOk(
        api("PUT", `/api/v1/clusters/${cluster}/telemetry-backends`, { token: root, body: { prometheus: { url } } }),
      );
    },
  };
}
