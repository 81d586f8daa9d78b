import type { Metadata } from "next";
import { Suspense } from "react";
import { TraceSearch } from "@/components/telemetry/trace-search";
import { SystemTelemetryShell } from "@/components/telemetry/telemetry-shell";
import { sysadminContext } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";
import { SYSTEM_SOURCE } from "@/lib/telemetry/client";

export const metadata: Metadata = { title: "Facet traces" };

export default async function Page() {
  await sysadminContext();
  const { t } = await getTranslate();
  return (
    <SystemTelemetryShell title={t("telemetry.traces")}>
      <Suspense>
        <TraceSearch source={SYSTEM_SOURCE} />
      </Suspense>
    </SystemTelemetryShell>
  );
}
