"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import type { AlertState, Severity } from "./api";

const SEVERITY_TONE = { critical: "bad", error: "bad", warning: "warn", info: "neutral" } as const;
const STATE_TONE = { firing: "bad", pending: "warn", resolved: "ok", ok: "ok" } as const;

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useI18n();
  return (
    <Badge tone={SEVERITY_TONE[severity] ?? "neutral"} className={severity === "critical" ? "font-bold" : undefined}>
      {t(`alerts.severity.${severity}`)}
    </Badge>
  );
}

export function AlertStateBadge({ state }: { state: AlertState | "ok" }) {
  const { t } = useI18n();
  return <Badge tone={STATE_TONE[state] ?? "neutral"}>{t(`alerts.state.${state}`)}</Badge>;
}
