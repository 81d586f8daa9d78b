import type { Metadata } from "next";
import { TelemetryShell } from "@/components/telemetry/telemetry-shell";
import { TraceView } from "@/components/telemetry/trace-view";
import { consoleContext, pageScope } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";
import { apiPath } from "@/lib/console/paths";

type Params = { tenant: string; project: string; environment: string; traceId: string };

export const metadata: Metadata = { title: "Trace" };

// A trace as the environment's cluster serves it: from its Jaeger when one is configured,
// else from the embedded store (the same spans /traces/{id} shows).
export default async function Page({ params }: { params: Promise<Params> }) {
  const { traceId, ...names } = await params;
  await pageScope(await consoleContext(), "environment", names);
  const { t } = await getTranslate();
  return (
    <TelemetryShell names={names} title={t("telemetry.trace")}>
      <TraceView traceId={traceId} api={`${apiPath.environment(names)}/traces/${encodeURIComponent(traceId)}`} />
    </TelemetryShell>
  );
}
