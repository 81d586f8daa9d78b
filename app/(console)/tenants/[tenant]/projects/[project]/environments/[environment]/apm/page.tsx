import type { Metadata } from "next";
import { Suspense } from "react";
import { ApmOverview } from "@/components/telemetry/apm-overview";
import { TelemetryShell } from "@/components/telemetry/telemetry-shell";
import { consoleContext, pageScope } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";
import { envSource } from "@/lib/telemetry/client";

type Params = { tenant: string; project: string; environment: string };

export const metadata: Metadata = { title: "APM" };

export default async function Page({ params }: { params: Promise<Params> }) {
  const names = await params;
  await pageScope(await consoleContext(), "environment", names);
  const { t } = await getTranslate();
  return (
    <TelemetryShell names={names} title={t("telemetry.apm")}>
      <Suspense>
        <ApmOverview source={envSource(names)} />
      </Suspense>
    </TelemetryShell>
  );
}
