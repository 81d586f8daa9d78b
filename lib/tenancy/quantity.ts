// Safe to import from client components. Kubernetes quantities, hand-written because no
// maintained npm package parses them; the grammar Facet accepts is the common subset.
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

const CPU = /^(\d+(?:\.\d+)?|\.\d+)(m)?$/;
const BYTES = /^(\d+(?:\.\d+)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;

/** "500m" → 500, "2" → 2000, "0.25" → 250 (millicores, rounded up as Kubernetes does). */
export function parseCpu(value: string | number): number | null {
  const m = CPU.exec(String(value).trim());
  if (!m) return null;
  const n = Number(m[1]);
  const milli = m[2] ? n : n * 1000;
  return Number.isFinite(milli) && milli <= Number.MAX_SAFE_INTEGER ? Math.ceil(milli - 1e-9) : null;
}

/** "512Mi" → 536870912, "1G" → 1e9 (bytes, rounded up). */
export function parseBytes(value: string | number): number | null {
  const m = BYTES.exec(String(value).trim());
  if (!m) return null;
  const bytes = Number(m[1]) * (m[2] ? (BINARY[m[2]] ?? DECIMAL[m[2]]) : 1);
  return Number.isFinite(bytes) && bytes <= Number.MAX_SAFE_INTEGER ? Math.ceil(bytes - 1e-9) : null;
}

export function parseCount(value: string | number): number | null {
  const s = String(value).trim();
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}

export function formatCpu(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

export function formatBytes(bytes: number): string {
  if (bytes === 0) return "0";
  for (const [suffix, size] of Object.entries(BINARY).reverse()) if (bytes % size === 0) return `${bytes / size}${suffix}`;
  for (const [suffix, size] of Object.entries(DECIMAL).reverse()) if (bytes % size === 0) return `${bytes / size}${suffix}`;
  return String(bytes);
}

/** The four quota dimensions, canonical. */
export interface QuotaAmounts {
  cpuMilli: number;
  memoryBytes: number;
  storageBytes: number;
  pods: number;
}

export interface QuotaStrings {
  cpu: string;
  memory: string;
  storage: string;
  pods: string;
}

export const QUOTA_RESOURCES = ["cpu", "memory", "storage", "pods"] as const;
export type QuotaResource = (typeof QUOTA_RESOURCES)[number];

export const AMOUNT_KEY: Record<QuotaResource, keyof QuotaAmounts> = { cpu: "cpuMilli", memory: "memoryBytes", storage: "storageBytes", pods: "pods" };

export function formatAmount(resource: QuotaResource, amount: number): string {
  return resource === "cpu" ? formatCpu(amount) : resource === "pods" ? String(amount) : formatBytes(amount);
}

export function formatQuota(q: QuotaAmounts): QuotaStrings {
  return { cpu: formatCpu(q.cpuMilli), memory: formatBytes(q.memoryBytes), storage: formatBytes(q.storageBytes), pods: String(q.pods) };
}

export const ZERO_QUOTA: QuotaAmounts = { cpuMilli: 0, memoryBytes: 0, storageBytes: 0, pods: 0 };
