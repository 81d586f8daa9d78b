import { quantityMilli } from "@/lib/quantity";
import { fnv32a } from "./util";

// What the simulated kubelet reports to metrics.k8s.io: each running container's CPU and memory
// follow a smooth curve between its requests and its limits. Values are a pure function of the
// pod's uid, the container and the sample time, so every reader sees the same numbers.

/** Samples are taken at the start of each window, as metrics-server scrapes every 15 s. */
export const METRICS_WINDOW_MS = 15_000;

/** What a container without requests or limits is taken to use. */
const FALLBACK = { cpuMilli: 5, cpuSpanMilli: 45, memoryBytes: 16 * 2 ** 20, memorySpanBytes: 48 * 2 ** 20 };

/** The node's own daemons (kubelet, containerd, system pods) use this much beyond the pods. */
const NODE_BASE = { cpuMilli: 150, memoryBytes: 900 * 2 ** 20 };

export interface ContainerResources {
  name: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

export interface Usage {
  /** Nanocores, as metrics-server reports CPU. */
  cpuNano: number;
  /** Bytes, a whole number of KiB. */
  memoryBytes: number;
}

export function sampleTime(now: Date): Date {
  return new Date(Math.floor(now.getTime() / METRICS_WINDOW_MS) * METRICS_WINDOW_MS);
}

const amount = (value: string | undefined, milli: boolean) => {
  if (value === undefined) return undefined;
  try {
    const m = quantityMilli(value);
    return milli ? m : m / 1000;
  } catch {
    return undefined;
  }
};

/** requests..limits; a missing limit allows twice the request, a missing request starts at the fallback. */
function range(request: number | undefined, limit: number | undefined, base: number, span: number): [number, number] {
  const low = request ?? (limit !== undefined ? Math.min(base, limit) : base);
  const high = limit ?? (request !== undefined ? low * 2 : base + span);
  return [low, Math.max(low, high)];
}

/** A fraction in [0.05, 0.95] that drifts slowly with a faster ripple, phased per seed. */
function wave(seed: string, t: number, slowPeriod: number, fastPeriod: number): number {
  const h = fnv32a(seed);
  const slow = slowPeriod * (1 + (h % 5) / 10);
  const phase1 = ((h >>> 8) % 360) * (Math.PI / 180);
  const phase2 = ((h >>> 16) % 360) * (Math.PI / 180);
  const f =
    0.5 + 0.3 * Math.sin((2 * Math.PI * t) / slow + phase1) + 0.12 * Math.sin((2 * Math.PI * t) / fastPeriod + phase2);
  return Math.min(0.95, Math.max(0.05, f));
}

/** One container's usage at a sample time. */
export function containerUsage(podUid: string, container: ContainerResources, at: Date): Usage {
  const t = sampleTime(at).getTime() / 1000;
  const requests = container.resources?.requests ?? {};
  const limits = container.resources?.limits ?? {};
  const [cpuLow, cpuHigh] = range(
    amount(requests.cpu, true),
    amount(limits.cpu, true),
    FALLBACK.cpuMilli,
    FALLBACK.cpuSpanMilli,
  );
  const [memLow, memHigh] = range(
    amount(requests.memory, false),
    amount(limits.memory, false),
    FALLBACK.memoryBytes,
    FALLBACK.memorySpanBytes,
  );
  const seed = `${podUid}/${container.name}`;
  const cpuMilli = cpuLow + (cpuHigh - cpuLow) * wave(`cpu/${seed}`, t, 600, 75);
  // Memory moves slower and stays lower in its range than CPU does.
  const memory = memLow + (memHigh - memLow) * 0.7 * wave(`mem/${seed}`, t, 1800, 300);
  return { cpuNano: Math.round(cpuMilli * 1e6), memoryBytes: Math.round(memory / 1024) * 1024 };
}

/** What the node reports: its daemons plus every pod on it. */
export function nodeUsage(nodeName: string, pods: Usage[], at: Date): Usage {
  const t = sampleTime(at).getTime() / 1000;
  const base = {
    cpuNano: Math.round(NODE_BASE.cpuMilli * (0.8 + 0.4 * wave(`node/${nodeName}`, t, 900, 60)) * 1e6),
    memoryBytes:
      Math.round((NODE_BASE.memoryBytes * (0.9 + 0.2 * wave(`node-mem/${nodeName}`, t, 3600, 600))) / 1024) * 1024,
  };
  return pods.reduce(
    (sum, p) => ({ cpuNano: sum.cpuNano + p.cpuNano, memoryBytes: sum.memoryBytes + p.memoryBytes }),
    base,
  );
}

/** The wire form metrics-server uses: nanocores and KiB. */
export const usageQuantities = (u: Usage) => ({ cpu: `${u.cpuNano}n`, memory: `${u.memoryBytes / 1024}Ki` });
