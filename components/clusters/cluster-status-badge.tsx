"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";

export function ClusterStatusBadge({ reachable }: { reachable: boolean | null }) {
  const { t } = useI18n();
  if (reachable === null) return <Badge>{t("clusters.unknown")}</Badge>;
  return reachable ? (
    <Badge tone="ok">{t("clusters.reachable")}</Badge>
  ) : (
    <Badge tone="bad">{t("clusters.unreachable")}</Badge>
  );
}
