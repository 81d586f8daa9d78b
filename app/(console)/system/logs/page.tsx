import type { Metadata } from "next";
import { Suspense } from "react";
import { LogSearch } from "@/components/telemetry/log-search";
import { SystemTelemetryShell } from "@/components/telemetry/telemetry-shell";
import { sysadminContext } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";
import { SYSTEM_SOURCE } from "@/lib/telemetry/client";

export const metadata: Metadata = { title: "Facet logs" };

export default async function Page() {
  await sysadminContext();
  const { t } = await getTranslate();
  return (
    <SystemTelemetryShell title={t("telemetry.logs")}>
      <Suspense>
        <LogSearch source={SYSTEM_SOURCE} />
      </Suspense>
    </SystemTelemetryShell>
  );
}
