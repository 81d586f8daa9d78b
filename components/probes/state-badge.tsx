"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import type { ProbeState } from "./api";

const TONE = { up: "ok", down: "bad", unknown: "neutral" } as const;

export function ProbeStateBadge({ state }: { state: ProbeState }) {
  const { t } = useI18n();
  return <Badge tone={TONE[state] ?? "neutral"}>{t(`probes.state.${state}`)}</Badge>;
}
