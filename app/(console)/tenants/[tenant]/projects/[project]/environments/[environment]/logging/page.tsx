import type { Metadata } from "next";
import { LoggingTab } from "@/components/logging/logging-tab";
import { TelemetryTabs } from "@/components/telemetry/telemetry-tabs";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { scopeCrumbs } from "@/lib/console/breadcrumbs";
import { allowed, consoleContext, loadOperation, pageScope } from "@/lib/console/page";
import { consolePath } from "@/lib/console/paths";
import { getTranslate } from "@/lib/i18n/server";

type Params = { tenant: string; project: string; environment: string };

export const metadata: Metadata = { title: "Logging" };

export default async function LoggingPage({ params }: { params: Promise<Params> }) {
  const names = await params;
  const ctx = await consoleContext();
  const scope = await pageScope(ctx, "environment", names);
  const can = allowed(ctx, scope, ["logging.write"] as const);
  const [{ t }, apps] = await Promise.all([
    getTranslate(),
    loadOperation(ctx, "listApplications", { params: names, query: { limit: "200" } }),
  ]);
  return (
    <>
      <Breadcrumbs
        label={t("common.breadcrumbs")}
        items={scopeCrumbs(t("tenants.title"), names, { label: t("logging.title") })}
      />
      <PageHeader title={t("logging.title")} description={t("logging.description")} />
      <TelemetryTabs
        base={consolePath.environment(names)}
        views={["apm", "traces", "logs", "metrics", "logging", "probes", "alerts", "models"]}
      />
      <LoggingTab
        names={names}
        applications={apps.ok ? apps.data.items.map((a) => a.name) : []}
        canWrite={can["logging.write"]}
      />
    </>
  );
}
