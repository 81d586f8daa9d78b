import type { Metadata } from "next";
import { ChannelsPanel } from "@/components/channels/channels-panel";
import { TenantTabs } from "@/components/tenancy/tenant-tabs";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { scopeCrumbs } from "@/lib/console/breadcrumbs";
import { allowed, consoleContext, pageScope } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Alert channels" };

export default async function TenantChannelsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const ctx = await consoleContext();
  const scope = await pageScope(ctx, "tenant", { tenant });
  const can = allowed(ctx, scope, ["alert-channels.write"] as const);
  const { t } = await getTranslate();
  return (
    <>
      <Breadcrumbs
        label={t("common.breadcrumbs")}
        items={scopeCrumbs(t("tenants.title"), { tenant }, { label: t("channels.title") })}
      />
      <PageHeader title={tenant} description={t("channels.description")} />
      <TenantTabs tenant={tenant} />
      <ChannelsPanel scope={{ level: "tenant", tenant }} canWrite={can["alert-channels.write"]} />
    </>
  );
}
