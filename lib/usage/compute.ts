// Safe to import from client components: Kubernetes quantities as millicores and bytes.
import { quantityMilli } from "@/lib/quantity";
import type { Compute } from "./schemas";

type ResourceList = Record<string, string | number | undefined> | undefined;

/** cpu in millicores (fractions kept: metrics report nanocores) and memory in bytes. */
export function computeOf(list: ResourceList): Compute {
  const cpu = list?.cpu;
  const memory = list?.memory;
  return {
    cpuMilli: cpu === undefined ? null : quantityMilli(String(cpu)),
    memoryBytes: memory === undefined ? null : Math.round(quantityMilli(String(memory)) / 1000),
  };
}

const plus = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));

export function addCompute(a: Compute, b: Compute): Compute {
  return { cpuMilli: plus(a.cpuMilli, b.cpuMilli), memoryBytes: plus(a.memoryBytes, b.memoryBytes) };
}

export const NO_COMPUTE: Compute = { cpuMilli: null, memoryBytes: null };

export const sumCompute = (items: Compute[]) => items.reduce(addCompute, NO_COMPUTE);
