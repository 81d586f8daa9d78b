import type { Metadata } from "next";
import { TraceView } from "@/components/telemetry/trace-view";
import { PageHeader } from "@/components/ui/page-header";
import { consoleContext } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Trace" };

// Traces cross environments: the page shows the spans the reader may see, and says how many it hides.
export default async function TracePage({ params }: { params: Promise<{ traceId: string }> }) {
  const { traceId } = await params;
  await consoleContext();
  const { t } = await getTranslate();
  return (
    <>
      <PageHeader title={t("telemetry.trace")} description={traceId} />
      <TraceView traceId={traceId} />
    </>
  );
}
