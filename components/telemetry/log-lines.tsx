"use client";

import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { toConsoleUrl } from "@/lib/telemetry/client";
import type { LogDto } from "@/lib/telemetry/schemas";

// Structured fields say what a bare message ("request") does not; scope names are noise.
const HIDDEN = new Set(["otel.scope.name", "otel.scope.version"]);
const fields = (attributes: Record<string, unknown>) =>
  Object.entries(attributes)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, v]) => `${k}=${(typeof v === "string" ? v : JSON.stringify(v)).slice(0, 160)}`)
    .join(" ");

const tone = (s: string) => (/^(error|fatal)/i.test(s) ? "bad" : /^warn/i.test(s) ? "warn" : "neutral");

/** Log lines, each with its way to its trace and to the metrics around it. */
export function LogLines({ logs }: { logs: LogDto[] }) {
  const { t, locale } = useI18n();
  return (
    <ol aria-label={t("telemetry.logLines")} className="divide-y font-mono text-xs">
      {logs.map((l, i) => (
        <li key={`${l.timeMs}-${i}`} className="flex flex-wrap items-start gap-2 py-1.5">
          <span className="text-muted-foreground">{new Date(l.timeMs).toLocaleTimeString(locale)}</span>
          <Badge tone={tone(l.severity)}>{l.severity}</Badge>
          <span className="text-muted-foreground">
            {l.service}
            {l.pod ? `/${l.pod}` : ""}
          </span>
          <span className="min-w-0 flex-1 whitespace-pre-wrap break-all">
            {l.body}
            {Object.keys(l.attributes).length > 0 && (
              <span className="ml-2 text-muted-foreground">{fields(l.attributes)}</span>
            )}
          </span>
          <span className="flex gap-2 font-sans">
            {l.related.trace && (
              <Link
                className="text-primary hover:underline"
                href={toConsoleUrl(l.related.trace)}
                aria-label={t("telemetry.traceOfLog", { body: l.body.slice(0, 60) })}
              >
                {t("telemetry.trace")}
              </Link>
            )}
            {l.related.metrics && (
              <Link
                className="text-primary hover:underline"
                href={toConsoleUrl(l.related.metrics)}
                aria-label={t("telemetry.metricsOfLog", { body: l.body.slice(0, 60) })}
              >
                {t("telemetry.metrics")}
              </Link>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}
