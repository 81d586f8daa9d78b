// Workloads bench: an environment with many pods on the sandbox (BENCH_APPS applications of
// BENCH_REPLICAS replicas; 20 × 100 = 2,000 by default), then the environment's workloads call as
// the console page makes it (one page of pods and the count of each phase) against what the call
// answered before paging (every pod: the pods listed whole, as listNamespacedPod without a limit).
// Prints the answer's size and p50/p95 latency of each, and `kubectl get pods` for comparison.
// Run: npm run bench:workloads      Env: BENCH_APPS (20), BENCH_REPLICAS (100), BENCH_CALLS (30).
import { fmt, onThrowawayDatabase, quantile } from "./telemetry-common";

const APPS = Number(process.env.BENCH_APPS ?? 20);
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 100);
const CALLS = Number(process.env.BENCH_CALLS ?? 30);
const PODS = APPS * REPLICAS;

async function measure(label: string, call: () => Promise<number>) {
  const latencies: number[] = [];
  let bytes = 0;
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now();
    bytes = await call();
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  console.log(
    `${label}: ${fmt(bytes / 1024)} KB, p50 ${fmt(quantile(latencies, 0.5))} ms, p95 ${fmt(quantile(latencies, 0.95))} ms (${CALLS} calls)`,
  );
}

async function run() {
  process.env.SANDBOX_POD_START_MS = "50";
  const { startReconcilingSandbox, kubectl } = await import("../lib/testing/sandbox-harness");
  const { startRouteServer } = await import("../lib/testing/route-server");
  const { api, expectOk, sandboxEnvironment, sysadminToken, tenantProject } = await import("../lib/testing/world");
  const { closeDb } = await import("../lib/db/client");
  const sandbox = await startReconcilingSandbox();
  const server = await startRouteServer();
  try {
    const root = await sysadminToken();
    const tenant = `bench-pods-${Date.now()}`;
    const project = await tenantProject(root, tenant);
    await expectOk(
      api("PUT", `/api/v1/tenants/${tenant}/quotas/sandbox`, {
        token: root,
        body: { cpu: "64", memory: "256Gi", storage: "1Ti", pods: String(PODS + 100) },
      }),
    );
    // Each pod asks 10m and 16Mi: 2,000 of them fit in 20 CPUs and 32 GiB.
    const env = await sandboxEnvironment(root, project, "dev", "dev", {
      cpu: "40",
      memory: "64Gi",
      storage: "10Gi",
      pods: String(PODS + 10),
    });
    const ns = (await expectOk<{ namespace: string }>(api("GET", env, { token: root }))).namespace;
    for (let a = 0; a < APPS; a++)
      await expectOk(
        api("POST", `${env}/applications`, {
          token: root,
          body: {
            name: `app-${a}`,
            image: "nginx:1.27",
            replicas: REPLICAS,
            resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { cpu: "10m", memory: "16Mi" } },
          },
        }),
        201,
      );
    const t0 = performance.now();
    for (;;) {
      const w = await expectOk<{ podPhases: Record<string, number> }>(
        api("GET", `${env}/workloads?podLimit=1`, { token: root }),
      );
      // The call's cost is in the number of pods, whatever their phase.
      const pods = Object.values(w.podPhases).reduce((n, c) => n + c, 0);
      if (pods >= PODS) break;
      if (performance.now() - t0 > 900_000) throw new Error(`only ${pods} of ${PODS} pods were made`);
      await new Promise((r) => setTimeout(r, 2000));
    }
    console.log(`${PODS} pods made after ${fmt((performance.now() - t0) / 1000)} s`);

    const headers = { authorization: `Bearer ${root}` };
    const fetchBytes = async (path: string) => {
      const res = await fetch(`${server.origin}${path}`, { headers });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      return body.byteLength;
    };
    await fetchBytes(`${env}/workloads`); // warms the route
    await measure("workloads page (50 pods + counts per phase)", () => fetchBytes(`${env}/workloads`));
    // What the call fetched from the cluster before paging: the namespace's whole pod list.
    await measure("the whole pod list from the cluster (fetched before paging)", async () => {
      const res = await fetch(`${sandbox.server.href.replace(/\/$/, "")}/api/v1/namespaces/${ns}/pods`, {
        headers: { authorization: `Bearer ${sandbox.token}` },
      });
      return (await res.arrayBuffer()).byteLength;
    });
    const k0 = performance.now();
    const get = await kubectl(sandbox, ["get", "pods", "-n", ns]);
    console.log(
      `kubectl get pods (table): ${fmt(performance.now() - k0)} ms, ${get.stdout.split("\n").length - 2} rows`,
    );
  } finally {
    const { stopReconciler } = await import("../lib/clusters/reconcile/loop");
    stopReconciler();
    await server.close();
    await sandbox.close();
    await closeDb();
  }
}

void onThrowawayDatabase("workloads", `${PODS} pods in one environment, the workloads call paged`, run);
