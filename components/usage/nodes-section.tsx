"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { fetchNodes, usageKeys } from "@/lib/usage/queries";
import type { ClusterNodes } from "@/lib/usage/schemas";
import { NodeCard } from "./node-card";

/** Every node of a cluster, refreshed as metrics-server samples; first paint comes from the server. */
export function NodesSection({
  cluster,
  initial,
  canCordon,
}: {
  cluster: string;
  initial: ClusterNodes;
  canCordon: boolean;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const nodes = useQuery({
    queryKey: usageKeys.nodes(cluster),
    queryFn: () => fetchNodes(cluster),
    initialData: initial,
    refetchInterval: 15_000,
    retry: false,
  });
  const data = nodes.data;
  return (
    <div className="space-y-4">
      {nodes.error && (
        <Alert variant="destructive">
          <p className="font-medium">{t("nodes.failed")}</p>
          <p>{(nodes.error as Error).message}</p>
        </Alert>
      )}
      {!data.metricsAvailable && <Alert>{t("usage.noMetrics")}</Alert>}
      {data.nodes.length === 0 ? (
        <EmptyState title={t("nodes.empty")} hint={t("nodes.emptyHint")} />
      ) : (
        data.nodes.map((node) => (
          <NodeCard
            key={node.name}
            cluster={cluster}
            node={node}
            canCordon={canCordon}
            onChanged={() => queryClient.invalidateQueries({ queryKey: usageKeys.nodes(cluster) })}
          />
        ))
      )}
    </div>
  );
}
