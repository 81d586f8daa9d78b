import type { Metadata } from "next";
import { TenantAlertsOverview } from "@/components/alerts/tenant-overview";
import { TenantTabs } from "@/components/tenancy/tenant-tabs";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { scopeCrumbs } from "@/lib/console/breadcrumbs";
import { consoleContext, pageScope } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Alerts" };

export default async function TenantAlertsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  await pageScope(await consoleContext(), "tenant", { tenant });
  const { t } = await getTranslate();
  return (
    <>
      <Breadcrumbs
        label={t("common.breadcrumbs")}
        items={scopeCrumbs(t("tenants.title"), { tenant }, { label: t("alerts.title") })}
      />
      <PageHeader title={tenant} description={t("alerts.overview.description")} />
      <TenantTabs tenant={tenant} />
      <TenantAlertsOverview tenant={tenant} />
    </>
  );
}
