import type { Metadata } from "next";
import { ProbesTab } from "@/components/probes/probes-tab";
import { TelemetryShell } from "@/components/telemetry/telemetry-shell";
import { allowed, consoleContext, pageScope } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";

type Params = { tenant: string; project: string; environment: string };

export const metadata: Metadata = { title: "Probes" };

export default async function ProbesPage({ params }: { params: Promise<Params> }) {
  const names = await params;
  const ctx = await consoleContext();
  const scope = await pageScope(ctx, "environment", names);
  const can = allowed(ctx, scope, ["probes.write"] as const);
  const { t } = await getTranslate();
  return (
    <TelemetryShell names={names} title={t("probes.title")}>
      <ProbesTab names={names} canWrite={can["probes.write"]} />
    </TelemetryShell>
  );
}
