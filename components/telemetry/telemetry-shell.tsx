import type { ReactNode } from "react";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslate } from "@/lib/i18n/server";
import { SYSTEM_SOURCE, type EnvNames } from "@/lib/telemetry/client";
import { TelemetryTabs } from "./telemetry-tabs";
import { scopeCrumbs } from "@/lib/console/breadcrumbs";
import { consolePath } from "@/lib/console/paths";

/** The frame of every telemetry page: where it is, what it is, and the other views. */
export async function TelemetryShell({
  names,
  title,
  children,
}: {
  names: EnvNames;
  title: string;
  children: ReactNode;
}) {
  const { t } = await getTranslate();
  return (
    <>
      <Breadcrumbs label={t("common.breadcrumbs")} items={scopeCrumbs(t("tenants.title"), names, { label: title })} />
      <PageHeader title={title} description={t("telemetry.description")} />
      <TelemetryTabs
        base={consolePath.environment(names)}
        views={["apm", "traces", "logs", "metrics", "logging", "probes", "alerts", "models"]}
      />
      {children}
    </>
  );
}

/** The frame of the facet-system pages: Facet's own spans and logs, for sysadmins. */
export async function SystemTelemetryShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = await getTranslate();
  return (
    <>
      <Breadcrumbs
        label={t("common.breadcrumbs")}
        items={[{ label: t("system.title"), href: SYSTEM_SOURCE.page }, { label: title }]}
      />
      <PageHeader title={t("system.title")} description={t("system.description")} />
      <TelemetryTabs base={SYSTEM_SOURCE.page} views={["apm", "traces", "logs", "alert-channels"]} />
      {children}
    </>
  );
}
