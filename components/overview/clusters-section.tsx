"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { EmptyState } from "@/components/ui/empty-state";
import type { ClusterSummary } from "@/lib/overview/schemas";
import { ClusterCard } from "./cluster-card";
import { Section } from "./section";

export function ClustersSection({ clusters, truncated }: { clusters: ClusterSummary[]; truncated?: boolean }) {
  const { t } = useI18n();
  return (
    <Section
      id="overview-clusters"
      title={t("overview.clusters")}
      hint={truncated ? t("overview.truncated", { count: clusters.length }) : undefined}
    >
      {clusters.length === 0 ? (
        <EmptyState title={t("overview.clustersEmpty")} hint={t("overview.clustersEmptyHint")} />
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {clusters.map((c) => (
            <ClusterCard key={c.name} cluster={c} />
          ))}
        </div>
      )}
    </Section>
  );
}
