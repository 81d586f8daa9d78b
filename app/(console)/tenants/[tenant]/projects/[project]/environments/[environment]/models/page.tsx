import type { Metadata } from "next";
import { DeploymentsTab } from "@/components/models/deployments/deployments-tab";
import { TelemetryTabs } from "@/components/telemetry/telemetry-tabs";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { scopeCrumbs } from "@/lib/console/breadcrumbs";
import { allowed, consoleContext, pageScope } from "@/lib/console/page";
import { consolePath } from "@/lib/console/paths";
import { getTranslate } from "@/lib/i18n/server";

type Params = { tenant: string; project: string; environment: string };

export const metadata: Metadata = { title: "Models" };

// Deploying follows the environment-type writer rule.
const WRITE = "model-deployments.write" as const;

export default async function ModelsPage({ params }: { params: Promise<Params> }) {
  const names = await params;
  const ctx = await consoleContext();
  const scope = await pageScope(ctx, "environment", names);
  const can = allowed(ctx, scope, [WRITE] as const);
  const { t } = await getTranslate();
  return (
    <>
      <Breadcrumbs
        label={t("common.breadcrumbs")}
        items={scopeCrumbs(t("tenants.title"), names, { label: t("models.deploy.tab") })}
      />
      <PageHeader title={t("models.deploy.tab")} description={t("models.deploy.description")} />
      <TelemetryTabs
        base={consolePath.environment(names)}
        views={["apm", "traces", "logs", "metrics", "logging", "probes", "alerts", "models"]}
      />
      <DeploymentsTab names={names} canWrite={can[WRITE]} />
    </>
  );
}
