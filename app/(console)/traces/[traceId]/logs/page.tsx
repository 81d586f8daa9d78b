import type { Metadata } from "next";
import { Suspense } from "react";
import { TraceLogs } from "@/components/telemetry/trace-logs";
import { PageHeader } from "@/components/ui/page-header";
import { consoleContext } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Trace logs" };

export default async function TraceLogsPage({ params }: { params: Promise<{ traceId: string }> }) {
  const { traceId } = await params;
  await consoleContext();
  const { t } = await getTranslate();
  return (
    <>
      <PageHeader title={t("telemetry.logsOfTrace")} description={traceId} />
      <Suspense>
        <TraceLogs traceId={traceId} />
      </Suspense>
    </>
  );
}
