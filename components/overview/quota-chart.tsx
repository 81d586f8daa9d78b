"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import type { QuotaUsage } from "@/lib/overview/schemas";
import { formatCores, formatMemory } from "@/lib/usage/format";
import { ChartTable } from "./chart-table";
import { SERIES_COLORS } from "./colors";
import { pct, percent } from "./percent";
import { ShareChart } from "./share-chart";

/** Quotas as bars: CPU, memory and pods allocated, each as a share of its hard limit. */
export function QuotaChart({ label, quotas }: { label: string; quotas: { name: string; quota: QuotaUsage }[] }) {
  const { t } = useI18n();
  const rows = quotas.map(({ name, quota: q }) => ({
    name,
    cpu: percent(q.used.cpuMilli, q.hard.cpuMilli),
    memory: percent(q.used.memoryBytes, q.hard.memoryBytes),
    pods: percent(q.used.pods, q.hard.pods),
    q,
  }));
  return (
    <>
      <ShareChart
        label={label}
        rows={rows.map(({ name, cpu, memory, pods }) => ({ name, cpu, memory, pods }))}
        series={[
          { key: "cpu", name: t("overview.cpu"), color: SERIES_COLORS.allocated },
          { key: "memory", name: t("overview.memory"), color: SERIES_COLORS.used },
          { key: "pods", name: t("overview.pods"), color: SERIES_COLORS.pods },
        ]}
        limitName={t("overview.quota")}
      />
      <ChartTable
        caption={label}
        headers={[t("overview.tenant"), t("overview.cpu"), t("overview.memory"), t("overview.pods")]}
        rows={rows.map(({ name, cpu, memory, pods, q }) => [
          name,
          `${formatCores(q.used.cpuMilli)} / ${formatCores(q.hard.cpuMilli)} (${pct(cpu)})`,
          `${formatMemory(q.used.memoryBytes)} / ${formatMemory(q.hard.memoryBytes)} (${pct(memory)})`,
          `${q.used.pods} / ${q.hard.pods} (${pct(pods)})`,
        ])}
      />
    </>
  );
}

/** "demo" for a tenant on one cluster; "demo · sandbox" when it has quotas on several. */
export function quotaRows(tenant: string, quotas: QuotaUsage[]) {
  return quotas.map((quota) => ({ name: quotas.length > 1 ? `${tenant} · ${quota.cluster}` : tenant, quota }));
}
