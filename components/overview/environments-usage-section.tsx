"use client";

import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { EmptyState } from "@/components/ui/empty-state";
import { consolePath } from "@/lib/console/paths";
import type { EnvironmentUsageSummary } from "@/lib/overview/schemas";
import { formatCores, formatMemory } from "@/lib/usage/format";
import { ChartTable } from "./chart-table";
import { SERIES_COLORS } from "./colors";
import { pct, percent } from "./percent";
import { Section } from "./section";
import { ShareChart } from "./share-chart";

const envName = (e: EnvironmentUsageSummary) => `${e.env.project}/${e.env.environment}`;

/** The caller's environments: CPU and memory requested and used against each one's quota. */
export function EnvironmentsUsageSection({
  environments,
  truncated,
}: {
  environments: EnvironmentUsageSummary[];
  truncated?: boolean;
}) {
  const { t } = useI18n();
  const label = t("overview.environmentsChart");
  const read = environments.filter((e) => e.quota && e.requests);
  const rows = read.map((e) => ({
    name: envName(e),
    cpuRequested: percent(e.requests!.cpuMilli ?? 0, e.quota!.cpuMilli),
    cpuUsed: percent(e.used?.cpuMilli, e.quota!.cpuMilli),
    memoryRequested: percent(e.requests!.memoryBytes ?? 0, e.quota!.memoryBytes),
    memoryUsed: percent(e.used?.memoryBytes, e.quota!.memoryBytes),
  }));
  const cpu = t("overview.cpu");
  const memory = t("overview.memory");
  return (
    <Section
      id="overview-environments"
      title={t("overview.environments")}
      hint={truncated ? t("overview.truncated", { count: environments.length }) : undefined}
    >
      {environments.length === 0 ? (
        <EmptyState title={t("overview.environmentsEmpty")} hint={t("overview.environmentsEmptyHint")} />
      ) : (
        <>
          {rows.length > 0 && (
            <>
              <ShareChart
                label={label}
                rows={rows}
                series={[
                  { key: "cpuRequested", name: `${cpu} · ${t("overview.requested")}`, color: SERIES_COLORS.allocated },
                  { key: "cpuUsed", name: `${cpu} · ${t("overview.used")}`, color: SERIES_COLORS.used },
                  { key: "memoryRequested", name: `${memory} · ${t("overview.requested")}`, color: SERIES_COLORS.pods },
                  { key: "memoryUsed", name: `${memory} · ${t("overview.used")}`, color: "#7c3aed" },
                ]}
                limitName={t("overview.quota")}
              />
              <ChartTable
                caption={label}
                headers={[t("overview.environment"), cpu, memory, t("overview.pods")]}
                rows={read.map((e, i) => [
                  envName(e),
                  `${formatCores(e.requests!.cpuMilli ?? 0)} / ${formatCores(e.quota!.cpuMilli)} (${pct(rows[i].cpuRequested)}), ${t("overview.used")} ${formatCores(e.used?.cpuMilli ?? null)}`,
                  `${formatMemory(e.requests!.memoryBytes ?? 0)} / ${formatMemory(e.quota!.memoryBytes)} (${pct(rows[i].memoryRequested)}), ${t("overview.used")} ${formatMemory(e.used?.memoryBytes ?? null)}`,
                  `${e.pods ?? 0} / ${e.quota!.pods}`,
                ])}
              />
            </>
          )}
          <ul className="mt-3 divide-y divide-border text-sm" aria-label={t("overview.environments")}>
            {environments.map((e) => (
              <li key={`${e.env.tenant}/${envName(e)}`} className="py-2">
                <Link href={consolePath.environment(e.env)} className="font-medium break-all hover:underline">
                  {e.env.tenant} / {envName(e)}
                </Link>
                {e.error && <p className="text-xs text-destructive break-words">{e.error}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
