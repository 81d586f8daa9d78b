import { AMOUNT_KEY, formatAmount, QUOTA_RESOURCES, type QuotaAmounts, type QuotaResource } from "../quantity";

export interface Shortfall {
  resource: QuotaResource;
  requested: string;
  allocated: string;
  hard: string;
}

export const addAmounts = (a: QuotaAmounts, b: QuotaAmounts): QuotaAmounts => ({
  cpuMilli: a.cpuMilli + b.cpuMilli,
  memoryBytes: a.memoryBytes + b.memoryBytes,
  storageBytes: a.storageBytes + b.storageBytes,
  pods: a.pods + b.pods,
});

const shortfall = (resource: QuotaResource, requested: number, allocated: number, hard: number): Shortfall => ({
  resource,
  requested: formatAmount(resource, requested),
  allocated: formatAmount(resource, allocated),
  hard: formatAmount(resource, hard),
});

/** Where an environment's request does not fit what the tenant has left (hard − allocated by others). */
export function environmentShortfalls(
  requested: QuotaAmounts,
  allocatedByOthers: QuotaAmounts,
  hard: QuotaAmounts,
): Shortfall[] {
  return QUOTA_RESOURCES.flatMap((r) => {
    const k = AMOUNT_KEY[r];
    return allocatedByOthers[k] + requested[k] > hard[k]
      ? [shortfall(r, requested[k], allocatedByOthers[k], hard[k])]
      : [];
  });
}

/** Where a new tenant quota would fall below what its environments already hold. */
export function tenantQuotaShortfalls(requestedHard: QuotaAmounts, allocated: QuotaAmounts): Shortfall[] {
  return QUOTA_RESOURCES.flatMap((r) => {
    const k = AMOUNT_KEY[r];
    return requestedHard[k] < allocated[k] ? [shortfall(r, requestedHard[k], allocated[k], requestedHard[k])] : [];
  });
}

export const describeShortfalls = (list: Shortfall[]) =>
  list.map((s) => `${s.resource}: requested ${s.requested}, allocated ${s.allocated}, hard ${s.hard}`).join("; ");
