"use client";

import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { UsageBar } from "@/components/ui/usage-bar";
import { formatCores, formatMemory } from "@/lib/usage/format";
import { fetchEnvironmentUsage, usageKeys, type Names } from "@/lib/usage/queries";
import { PodUsageRow } from "./pod-usage-row";

/** The environment's CPU and memory now: against its quota, and pod by pod. Polled as metrics-server samples. */
export function EnvironmentUsageSection({ names }: { names: Names }) {
  const { t } = useI18n();
  const usage = useQuery({
    queryKey: usageKeys.environment(names),
    queryFn: () => fetchEnvironmentUsage(names),
    refetchInterval: 15_000,
    retry: false,
  });
  const data = usage.data;
  return (
    <Card aria-labelledby="environment-usage">
      <CardTitle id="environment-usage">{t("usage.title")}</CardTitle>
      {usage.error ? (
        <Alert variant="destructive">
          <p className="font-medium">{t("usage.failed")}</p>
          <p>{(usage.error as Error).message}</p>
        </Alert>
      ) : !data ? (
        <p className="text-sm text-muted-foreground" aria-busy="true">
          {t("common.loading")}
        </p>
      ) : (
        <div className="space-y-6">
          {!data.metricsAvailable && <Alert>{t("usage.noMetrics")}</Alert>}
          <section aria-labelledby="usage-quota">
            <h3 id="usage-quota" className="mb-2 text-sm font-semibold">
              {t("usage.quota")}
            </h3>
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2" role="group" aria-label={t("usage.quota")}>
              {data.metricsAvailable && (
                <>
                  <UsageBar
                    label={t("usage.cpuUsed")}
                    used={data.totals.usage.cpuMilli ?? 0}
                    limit={data.quota.cpuMilli}
                    usedText={formatCores(data.totals.usage.cpuMilli ?? 0)}
                    limitText={formatCores(data.quota.cpuMilli)}
                  />
                  <UsageBar
                    label={t("usage.memoryUsed")}
                    used={data.totals.usage.memoryBytes ?? 0}
                    limit={data.quota.memoryBytes}
                    usedText={formatMemory(data.totals.usage.memoryBytes ?? 0)}
                    limitText={formatMemory(data.quota.memoryBytes)}
                  />
                </>
              )}
              <UsageBar
                label={t("usage.cpuRequested")}
                used={data.totals.requests.cpuMilli ?? 0}
                limit={data.quota.cpuMilli}
                usedText={formatCores(data.totals.requests.cpuMilli ?? 0)}
                limitText={formatCores(data.quota.cpuMilli)}
              />
              <UsageBar
                label={t("usage.memoryRequested")}
                used={data.totals.requests.memoryBytes ?? 0}
                limit={data.quota.memoryBytes}
                usedText={formatMemory(data.totals.requests.memoryBytes ?? 0)}
                limitText={formatMemory(data.quota.memoryBytes)}
              />
              <UsageBar
                label={t("usage.podCount")}
                used={data.totals.pods}
                limit={data.quota.pods}
                usedText={String(data.totals.pods)}
                limitText={String(data.quota.pods)}
              />
            </div>
          </section>
          <section aria-labelledby="usage-pods">
            <h3 id="usage-pods" className="mb-2 text-sm font-semibold">
              {t("usage.pods")}
            </h3>
            {data.pods.length === 0 ? (
              <EmptyState title={t("usage.noPods")} hint={t("usage.noPodsHint")} />
            ) : (
              <ul className="divide-y divide-border" aria-label={t("usage.pods")}>
                {data.pods.map((pod) => (
                  <PodUsageRow key={pod.name} pod={pod} metrics={data.metricsAvailable} />
                ))}
              </ul>
            )}
            {data.sampledAt && (
              <p className="mt-2 text-xs text-muted-foreground">
                {t("usage.sampledAt", { at: new Date(data.sampledAt).toLocaleTimeString() })}
              </p>
            )}
          </section>
        </div>
      )}
    </Card>
  );
}
