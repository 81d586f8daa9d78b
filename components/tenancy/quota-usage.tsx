"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { UsageBar } from "@/components/ui/usage-bar";
import { parseBytes, parseCount, parseCpu, type QuotaStrings } from "@/lib/tenancy/quantity";

const PARSE = { cpu: parseCpu, memory: parseBytes, storage: parseBytes, pods: parseCount } as const;

/** One bar per resource: what is allocated against the hard limit. */
export function QuotaUsage({ used, hard, label }: { used: QuotaStrings; hard: QuotaStrings; label: string }) {
  const { t } = useI18n();
  return (
    <div className="space-y-3" role="group" aria-label={label}>
      {(["cpu", "memory", "storage", "pods"] as const).map((r) => (
        <UsageBar
          key={r}
          label={t(`quota.${r}`)}
          used={PARSE[r](used[r]) ?? 0}
          limit={PARSE[r](hard[r]) ?? 0}
          usedText={used[r]}
          limitText={hard[r]}
        />
      ))}
    </div>
  );
}
