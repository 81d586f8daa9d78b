import type { Metadata } from "next";
import { AlertsTab } from "@/components/alerts/alerts-tab";
import { TelemetryShell } from "@/components/telemetry/telemetry-shell";
import { allowed, consoleContext, pageScope } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";

type Params = { tenant: string; project: string; environment: string };

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({ params }: { params: Promise<Params> }) {
  const names = await params;
  const ctx = await consoleContext();
  const scope = await pageScope(ctx, "environment", names);
  const can = allowed(ctx, scope, ["alerts.write"] as const);
  const { t } = await getTranslate();
  return (
    <TelemetryShell names={names} title={t("alerts.title")}>
      <AlertsTab names={names} canWrite={can["alerts.write"]} />
    </TelemetryShell>
  );
}
