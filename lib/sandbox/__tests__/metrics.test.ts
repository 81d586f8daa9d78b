import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containerUsage, METRICS_WINDOW_MS, nodeUsage, sampleTime } from "@/lib/sandbox/metrics";
import { eventually, kubectl, startSandbox, uniqueNamespace, type Sandbox } from "@/lib/testing/sandbox-harness";

// metrics.k8s.io/v1beta1 on the sandbox: `kubectl top` works and the numbers are the pure curve's.

let sandbox: Sandbox;
let ns: string;

const ok = async (args: string[], input?: string) => {
  const run = await kubectl(sandbox, args, input);
  expect(run.code, `kubectl ${args.join(" ")}\n${run.stderr}`).toBe(0);
  return run.stdout;
};

const manifest = (namespace: string) => `apiVersion: v1
kind: Namespace
metadata: {name: ${namespace}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: ${namespace}}
spec:
  replicas: 2
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 500m, memory: 256Mi}}
      - name: sidecar
        image: redis:7
        resources: {requests: {cpu: 20m, memory: 32Mi}, limits: {cpu: 40m, memory: 64Mi}}
`;

interface PodMetrics {
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  timestamp: string;
  window: string;
  containers: { name: string; usage: { cpu: string; memory: string } }[];
}
interface Pod {
  metadata: { name: string; uid: string };
  spec: {
    containers: { name: string; resources: { requests: Record<string, string>; limits: Record<string, string> } }[];
  };
}

/** kubectl --raw resolves paths from the host root, below the sandbox's mount point: fetch instead. */
async function raw<T>(path: string): Promise<T> {
  const res = await fetch(`${sandbox.server}${path}`, { headers: { authorization: `Bearer ${sandbox.token}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

const nano = (cpu: string) => Number(cpu.replace(/n$/, ""));
const kib = (memory: string) => Number(memory.replace(/Ki$/, "")) * 1024;

beforeAll(async () => {
  sandbox = await startSandbox();
  ns = uniqueNamespace("top");
  await ok(["apply", "-f", "-"], manifest(ns));
  await eventually(
    async () => {
      const out = await ok(["get", "pods", "-n", ns, "--no-headers"]);
      return (
        out
          .trim()
          .split("\n")
          .filter((l) => /2\/2\s+Running/.test(l)).length === 2
      );
    },
    20_000,
    "two running pods",
  );
});

afterAll(async () => sandbox?.close());

describe("the usage curve", () => {
  const container = {
    name: "app",
    resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
  };

  it("stays within requests..limits, is the same within a window and moves across windows", () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 37_000);
      const u = containerUsage("uid-1", container, at);
      expect(u.cpuNano).toBeGreaterThanOrEqual(100e6);
      expect(u.cpuNano).toBeLessThanOrEqual(500e6);
      expect(u.memoryBytes).toBeGreaterThanOrEqual(64 * 2 ** 20 - 1024);
      expect(u.memoryBytes).toBeLessThanOrEqual(256 * 2 ** 20);
      expect(u.memoryBytes % 1024).toBe(0);
      expect(containerUsage("uid-1", container, new Date(sampleTime(at).getTime() + METRICS_WINDOW_MS - 1))).toEqual(u);
      seen.add(u.cpuNano);
    }
    expect(seen.size).toBeGreaterThan(50);
    const at = new Date(Date.UTC(2026, 0, 1, 12));
    expect(containerUsage("uid-2", container, at)).not.toEqual(containerUsage("uid-1", container, at));
  });

  it("falls back to a small range without requests, and a node adds its pods to its own use", () => {
    const at = new Date(Date.UTC(2026, 0, 1, 12));
    const bare = containerUsage("uid-1", { name: "c" }, at);
    expect(bare.cpuNano).toBeGreaterThanOrEqual(5e6);
    expect(bare.cpuNano).toBeLessThanOrEqual(50e6);
    const idle = nodeUsage("n1", [], at);
    const busy = nodeUsage("n1", [bare, bare], at);
    expect(busy.cpuNano - idle.cpuNano).toBe(2 * bare.cpuNano);
    expect(busy.memoryBytes - idle.memoryBytes).toBe(2 * bare.memoryBytes);
  });
});

describe("metrics.k8s.io on the sandbox", () => {
  it("is discovered as metrics-server's group", async () => {
    const resources = await ok(["api-resources", "--api-group=metrics.k8s.io"]);
    expect(resources).toMatch(/^nodes\s+metrics\.k8s\.io\/v1beta1\s+false\s+NodeMetrics$/m);
    expect(resources).toMatch(/^pods\s+metrics\.k8s\.io\/v1beta1\s+true\s+PodMetrics$/m);
  });

  it("kubectl top pods lists each running pod, per container with --containers", async () => {
    const out = await ok(["top", "pods", "-n", ns]);
    const rows = out.trim().split("\n").slice(1);
    expect(out.split("\n")[0]).toMatch(/NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)/);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const [, cpu, memory] = row.trim().split(/\s+/);
      // Pod total: app 100..500m plus sidecar 20..40m; memory 64+32 Mi .. 256+64 Mi.
      expect(Number(cpu.replace(/m$/, ""))).toBeGreaterThanOrEqual(119);
      expect(Number(cpu.replace(/m$/, ""))).toBeLessThanOrEqual(540);
      expect(Number(memory.replace(/Mi$/, ""))).toBeGreaterThanOrEqual(95);
      expect(Number(memory.replace(/Mi$/, ""))).toBeLessThanOrEqual(320);
    }
    const containers = await ok(["top", "pods", "-n", ns, "--containers"]);
    expect(containers.match(/\bsidecar\b/g)).toHaveLength(2);
    expect(containers.match(/\bapp\b/g)).toHaveLength(2);
    const selected = await ok(["top", "pods", "-n", ns, "-l", "app=api"]);
    expect(selected.trim().split("\n")).toHaveLength(3);
    const none = await kubectl(sandbox, ["top", "pods", "-n", ns, "-l", "app=other"]);
    expect(`${none.stdout}${none.stderr}`).toMatch(/No resources found/);
  });

  it("kubectl top nodes shows the node with percentages of its allocatable", async () => {
    const out = await ok(["top", "nodes"]);
    expect(out).toMatch(/^sandbox-node-1\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%/m);
  });

  it("serves the curve's numbers for each container, and only the namespace's pods", async () => {
    const pods = JSON.parse(await ok(["get", "pods", "-n", ns, "-o", "json"])) as { items: Pod[] };
    const list = (await raw(`/apis/metrics.k8s.io/v1beta1/namespaces/${ns}/pods`)) as {
      kind: string;
      items: PodMetrics[];
    };
    expect(list.kind).toBe("PodMetricsList");
    expect(list.items.map((m) => m.metadata.name).sort()).toEqual(pods.items.map((p) => p.metadata.name).sort());
    for (const m of list.items) {
      const pod = pods.items.find((p) => p.metadata.name === m.metadata.name)!;
      expect(m.metadata.namespace).toBe(ns);
      expect(m.metadata.labels.app).toBe("api");
      expect(m.window).toBe("15s");
      for (const c of m.containers) {
        const spec = pod.spec.containers.find((s) => s.name === c.name)!;
        const expected = containerUsage(pod.metadata.uid, spec, new Date(m.timestamp));
        expect(nano(c.usage.cpu)).toBe(expected.cpuNano);
        expect(kib(c.usage.memory)).toBe(expected.memoryBytes);
      }
    }
    const one = (await raw(
      `/apis/metrics.k8s.io/v1beta1/namespaces/${ns}/pods/${list.items[0].metadata.name}`,
    )) as PodMetrics & { kind: string };
    expect(one.kind).toBe("PodMetrics");
    expect(one.containers.map((c) => c.name).sort()).toEqual(["app", "sidecar"]);
    const elsewhere = (await raw("/apis/metrics.k8s.io/v1beta1/namespaces/kube-system/pods")) as {
      items: PodMetrics[];
    };
    expect(elsewhere.items.some((m) => m.metadata.namespace === ns)).toBe(false);
    const everywhere = (await raw("/apis/metrics.k8s.io/v1beta1/pods")) as {
      items: PodMetrics[];
    };
    expect(everywhere.items.filter((m) => m.metadata.namespace === ns)).toHaveLength(2);
  });

  it("answers 404 for a pod it has no metrics for, and refuses writes", async () => {
    const missing = await fetch(`${sandbox.server}/apis/metrics.k8s.io/v1beta1/namespaces/${ns}/pods/nope`, {
      headers: { authorization: `Bearer ${sandbox.token}` },
    });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toMatch(/metrics\.k8s\.io "nope" not found/);
    const wrongNs = await kubectl(sandbox, ["top", "pod", "-n", "kube-system", "api"]);
    expect(wrongNs.code).not.toBe(0);
    const res = await fetch(`${sandbox.server}/apis/metrics.k8s.io/v1beta1/namespaces/${ns}/pods`, {
      method: "POST",
      headers: { authorization: `Bearer ${sandbox.token}`, "content-type": "application/json" },
      body: JSON.stringify({ metadata: { name: "x" } }),
    });
    expect(res.status).toBe(405);
    const node = await fetch(`${sandbox.server}/apis/metrics.k8s.io/v1beta1/nodes/sandbox-node-1`, {
      headers: { authorization: `Bearer ${sandbox.token}` },
    });
    expect(node.status).toBe(200);
    const body = (await node.json()) as { kind: string; usage: { cpu: string; memory: string } };
    expect(body.kind).toBe("NodeMetrics");
    expect(nano(body.usage.cpu)).toBeGreaterThan(0);
  });
});
