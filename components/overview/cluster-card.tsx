"use client";

import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { consolePath } from "@/lib/console/paths";
import type { ClusterSummary } from "@/lib/overview/schemas";
import { formatCores, formatMemory } from "@/lib/usage/format";
import { ChartTable } from "./chart-table";
import { SERIES_COLORS } from "./colors";
import { pct, percent } from "./percent";
import { ShareChart } from "./share-chart";

/** One cluster: reachable or not, its version and nodes, and capacity vs allocated vs used. */
export function ClusterCard({ cluster: c }: { cluster: ClusterSummary }) {
  const { t } = useI18n();
  const headingId = `cluster-${c.name}`;
  const rows =
    c.capacity && c.allocated
      ? [
          {
            name: t("overview.cpu"),
            allocated: percent(c.allocated.cpuMilli, c.capacity.cpuMilli),
            used: percent(c.used?.cpuMilli, c.capacity.cpuMilli),
            text: [c.capacity.cpuMilli, c.allocated.cpuMilli, c.used?.cpuMilli ?? null].map(formatCores),
          },
          {
            name: t("overview.memory"),
            allocated: percent(c.allocated.memoryBytes, c.capacity.memoryBytes),
            used: percent(c.used?.memoryBytes, c.capacity.memoryBytes),
            text: [c.capacity.memoryBytes, c.allocated.memoryBytes, c.used?.memoryBytes ?? null].map(formatMemory),
          },
        ]
      : [];
  const label = t("overview.clusterChart", { cluster: c.name });
  return (
    <article aria-labelledby={headingId} className="min-w-0 rounded-md border p-4">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="font-semibold break-all">
          <Link href={consolePath.cluster(c.name)} className="hover:underline">
            {c.name}
          </Link>
        </h3>
        <Badge tone={c.reachable ? "ok" : "bad"}>
          {t(c.reachable ? "overview.reachable" : "overview.unreachable")}
        </Badge>
      </div>
      <p className="text-sm text-muted-foreground">
        {[
          c.version ? t("overview.version", { version: c.version }) : null,
          c.nodes !== null ? t("overview.nodes", { ready: c.readyNodes ?? 0, count: c.nodes }) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {c.error && (
        <Alert variant="destructive" className="mt-2 break-words">
          {c.error}
        </Alert>
      )}
      {rows.length > 0 && (
        <div className="mt-3">
          {!c.metricsAvailable && <p className="mb-1 text-xs text-muted-foreground">{t("overview.noMetrics")}</p>}
          <ShareChart
            label={label}
            rows={rows.map(({ name, allocated, used }) => ({ name, allocated, used }))}
            series={[
              { key: "allocated", name: t("overview.allocated"), color: SERIES_COLORS.allocated },
              { key: "used", name: t("overview.used"), color: SERIES_COLORS.used },
            ]}
            limitName={t("overview.capacity")}
          />
          <ChartTable
            caption={label}
            headers={[t("overview.resource"), t("overview.capacity"), t("overview.allocated"), t("overview.used")]}
            rows={rows.map((r) => [
              r.name,
              r.text[0],
              `${r.text[1]} (${pct(r.allocated)})`,
              `${r.text[2]} (${pct(r.used)})`,
            ])}
          />
        </div>
      )}
    </article>
  );
}
