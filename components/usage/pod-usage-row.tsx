"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { UsageBar } from "@/components/ui/usage-bar";
import { formatCores, formatMemory } from "@/lib/usage/format";
import type { PodUsage } from "@/lib/usage/schemas";

/** One pod: CPU and memory used against its limit (or its request, or what it uses, when none is set). */
export function PodUsageRow({ pod, metrics }: { pod: PodUsage; metrics: boolean }) {
  const { t } = useI18n();
  const bar = (
    label: string,
    used: number | null,
    limit: number | null,
    request: number | null,
    format: (n: number | null) => string,
  ) => {
    const scale = limit ?? request ?? used ?? 0;
    return (
      <UsageBar
        label={label}
        used={used ?? 0}
        limit={scale}
        usedText={used === null ? t("usage.waiting") : format(used)}
        limitText={limit !== null ? format(limit) : t("usage.noLimit")}
      />
    );
  };
  return (
    <li className="min-w-0 py-3">
      <div role="group" aria-label={pod.name}>
        <p className="mb-2 truncate font-mono text-xs" title={pod.name}>
          {pod.name} <span className="text-muted-foreground">· {pod.phase}</span>
        </p>
        {metrics && (
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            {bar(t("quota.cpu"), pod.usage.cpuMilli, pod.limits.cpuMilli, pod.requests.cpuMilli, formatCores)}
            {bar(
              t("quota.memory"),
              pod.usage.memoryBytes,
              pod.limits.memoryBytes,
              pod.requests.memoryBytes,
              formatMemory,
            )}
          </div>
        )}
      </div>
    </li>
  );
}
