import type { Metadata } from "next";
import { ProbeDetail } from "@/components/probes/probe-detail";
import { TelemetryTabs } from "@/components/telemetry/telemetry-tabs";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { scopeCrumbs } from "@/lib/console/breadcrumbs";
import { consoleContext, pageScope } from "@/lib/console/page";
import { consolePath } from "@/lib/console/paths";
import { getTranslate } from "@/lib/i18n/server";

type Params = { tenant: string; project: string; environment: string; name: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: (await params).name };
}

export default async function ProbePage({ params }: { params: Promise<Params> }) {
  const { name, ...names } = await params;
  await pageScope(await consoleContext(), "environment", names);
  const { t } = await getTranslate();
  return (
    <>
      <Breadcrumbs
        label={t("common.breadcrumbs")}
        items={scopeCrumbs(
          t("tenants.title"),
          names,
          { label: t("probes.title"), href: consolePath.environmentView(names, "probes") },
          { label: name },
        )}
      />
      <PageHeader title={name} description={t("probes.pageDescription")} />
      <TelemetryTabs
        base={consolePath.environment(names)}
        views={["apm", "traces", "logs", "metrics", "logging", "probes", "alerts", "models"]}
      />
      <ProbeDetail names={names} name={name} />
    </>
  );
}
