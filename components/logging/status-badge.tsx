"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";

/** The operator's verdict on a flow or output: active, its problems, or not yet known. */
export function LoggingStatus({ active, problems }: { active: boolean | null; problems: string[] }) {
  const { t } = useI18n();
  if (problems.length > 0)
    return (
      <div className="space-y-1">
        <Badge tone="bad">{t("logging.status.problems", { count: problems.length })}</Badge>
        <ul className="list-disc pl-4 text-xs text-destructive">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      </div>
    );
  if (active === true) return <Badge tone="ok">{t("logging.status.active")}</Badge>;
  if (active === false) return <Badge tone="warn">{t("logging.status.inactive")}</Badge>;
  return <Badge>{t("logging.status.unknown")}</Badge>;
}

/** Who changed an object last, from the audit log. */
export function LastChangeCell({ change }: { change: { by: string; at: string; action: string } | null }) {
  const { t } = useI18n();
  if (!change) return <span className="text-muted-foreground">{t("logging.lastChange.none")}</span>;
  return (
    <span className="text-xs">
      {change.by}
      <br />
      <time dateTime={change.at} className="text-muted-foreground">
        {new Date(change.at).toLocaleString()}
      </time>{" "}
      <span className="text-muted-foreground">({change.action})</span>
    </span>
  );
}
