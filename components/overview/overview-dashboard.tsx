"use client";

import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import type { MyOverview, SystemOverview } from "@/lib/overview/schemas";
import { fetchOverview, overviewKeys } from "@/lib/overview/queries";
import { AuditSection } from "./audit-section";
import { ClustersSection } from "./clusters-section";
import { EnvironmentsUsageSection } from "./environments-usage-section";
import { MyTenantsSection } from "./my-tenants-section";
import { ServicesSection } from "./services-section";
import { TenantsUsageSection } from "./tenants-usage-section";

function SystemDashboard({ o }: { o: SystemOverview }) {
  const { t } = useI18n();
  return (
    <div className="grid min-w-0 gap-6">
      <ClustersSection clusters={o.clusters} truncated={o.truncated.clusters} />
      <div className="grid min-w-0 gap-6 lg:grid-cols-2">
        <TenantsUsageSection tenants={o.tenants} />
        <ServicesSection title={t("overview.services")} services={o.services} />
      </div>
      <AuditSection title={t("overview.audit")} events={o.audit} linkAll />
    </div>
  );
}

function MyDashboard({ o }: { o: MyOverview }) {
  const { t } = useI18n();
  return (
    <div className="grid min-w-0 gap-6 lg:grid-cols-2">
      <MyTenantsSection tenants={o.tenants} />
      <EnvironmentsUsageSection environments={o.environments} truncated={o.truncated.environments} />
      <ServicesSection title={t("overview.myServices")} services={o.services} />
      <AuditSection
        title={t(o.auditSource === "tenant" ? "overview.auditTenant" : "overview.auditOwn")}
        events={o.audit}
      />
    </div>
  );
}

/** The overview's dashboard, in the shape the API answers for the caller's role. */
export function OverviewDashboard() {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: overviewKeys.overview(),
    queryFn: fetchOverview,
    refetchInterval: 60_000,
    retry: false,
  });
  if (q.error)
    return (
      <Alert variant="destructive">
        <p className="font-medium">{t("overview.failed")}</p>
        <p>{(q.error as Error).message}</p>
      </Alert>
    );
  if (!q.data)
    return (
      <p className="text-sm text-muted-foreground" aria-busy="true">
        {t("overview.loading")}
      </p>
    );
  return q.data.kind === "system" ? <SystemDashboard o={q.data} /> : <MyDashboard o={q.data} />;
}
