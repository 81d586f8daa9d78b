// Quota amounts in the units Facet stores (millicores, bytes, counts), read and written with
// Kubernetes' own quantity grammar (lib/quantity). Safe to import from client components.
import { formatUnits, parseWholeAmount } from "@/lib/quantity";

/** "500m" → 500, "2" → 2000, "0.25" → 250, "1e3" → 1000000 (millicores, rounded up). */
export function parseCpu(value: string | number): number | null {
  return parseWholeAmount(value, "milli");
}

/** "512Mi" → 536870912, "1G" → 1e9 (bytes, rounded up). */
export function parseBytes(value: string | number): number | null {
  return parseWholeAmount(value, "units");
}

export function parseCount(value: string | number): number | null {
  const s = String(value).trim();
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}

export function formatCpu(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

export function formatBytes(bytes: number): string {
  return formatUnits(bytes, "BinarySI");
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

export const AMOUNT_KEY: Record<QuotaResource, keyof QuotaAmounts> = {
  cpu: "cpuMilli",
  memory: "memoryBytes",
  storage: "storageBytes",
  pods: "pods",
};

export function formatAmount(resource: QuotaResource, amount: number): string {
  return resource === "cpu" ? formatCpu(amount) : resource === "pods" ? String(amount) : formatBytes(amount);
}

export function formatQuota(q: QuotaAmounts): QuotaStrings {
  return {
    cpu: formatCpu(q.cpuMilli),
    memory: formatBytes(q.memoryBytes),
    storage: formatBytes(q.storageBytes),
    pods: String(q.pods),
  };
}

export const ZERO_QUOTA: QuotaAmounts = { cpuMilli: 0, memoryBytes: 0, storageBytes: 0, pods: 0 };
