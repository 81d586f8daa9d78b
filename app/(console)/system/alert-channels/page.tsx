import type { Metadata } from "next";
import { ChannelsPanel } from "@/components/channels/channels-panel";
import { SystemTelemetryShell } from "@/components/telemetry/telemetry-shell";
import { sysadminContext } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "System alert channels" };

export default async function SystemChannelsPage() {
  await sysadminContext();
  const { t } = await getTranslate();
  return (
    <SystemTelemetryShell title={t("channels.systemTitle")}>
      <ChannelsPanel scope={{ level: "system" }} canWrite />
    </SystemTelemetryShell>
  );
}
