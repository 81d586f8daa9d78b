import type { ReactNode } from "react";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslate } from "@/lib/i18n/server";
import { envPath, type EnvNames } from "@/lib/telemetry/client";
import { TelemetryTabs } from "./telemetry-tabs";

/** The frame of every telemetry page: where it is, what it is, and the other views. */
export async function TelemetryShell({ names, title, children }: { names: EnvNames; title: string; children: ReactNode }) {
  const { t } = await getTranslate();
  return (
    <>
      <Breadcrumbs
        label={t("common.breadcrumbs")}
        items={[
          { label: names.tenant, href: `/tenants/${names.tenant}` },
          { label: names.project, href: `/tenants/${names.tenant}/projects/${names.project}` },
          { label: names.environment, href: envPath(names) },
          { label: title },
        ]}
      />
      <PageHeader title={title} description={t("telemetry.description")} />
      <TelemetryTabs names={names} />
      {children}
    </>
  );
}
