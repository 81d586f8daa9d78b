"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getJson } from "@/lib/query/get-json";
import type { LogSearchResult } from "@/lib/telemetry/schemas";
import { LogLines } from "./log-lines";
import { apiPath, consolePath } from "@/lib/console/paths";

/** Every log line of a trace (or of one of its spans), across the environments the reader may see. */
export function TraceLogs({ traceId }: { traceId: string }) {
  const { t } = useI18n();
  const spanId = useSearchParams().get("spanId");
  const url = `${apiPath.traceLogs(traceId)}${spanId ? `?spanId=${encodeURIComponent(spanId)}` : ""}`;
  const logs = useQuery({
    queryKey: ["traces", traceId, "logs", spanId],
    queryFn: () => getJson<LogSearchResult>(url),
  });
  return (
    <Card aria-label={t("telemetry.results")}>
      <p className="mb-2 text-sm">
        <Link className="text-primary hover:underline" href={consolePath.trace(traceId)}>
          ← {t("telemetry.backToTrace")}
        </Link>
        {logs.data?.hiddenLogs ? (
          <span className="ml-2 text-xs text-muted-foreground">
            {t("telemetry.hiddenLogs", { count: logs.data.hiddenLogs })}
          </span>
        ) : null}
      </p>
      {logs.error && <Alert variant="destructive">{(logs.error as Error).message}</Alert>}
      {logs.data &&
        (logs.data.logs.length ? <LogLines logs={logs.data.logs} /> : <EmptyState title={t("telemetry.noLogs")} />)}
    </Card>
  );
}
