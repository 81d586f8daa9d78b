"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { backendName } from "./backend-name";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/select";
import { searchLogs, telemetryKeys, type TelemetrySource } from "@/lib/telemetry/client";
import { SEVERITIES } from "@/lib/telemetry/severity";
import { LogLines } from "./log-lines";
import { OlderNewer, pageQuery } from "./older-newer";
import { QueryInput } from "./query-input";
import { RangeField } from "./range-field";
import { windowOf } from "./time-range";

const LOG_PAGE = 100;

/** Log search by text, severity, service, pod and trace; live tail keeps the window moving. */
export function LogSearch({ source }: { source: TelemetrySource }) {
  const { t } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [live, setLive] = useState(false);
  const [now] = useState(() => Date.now());
  const explicit = params.get("start") || params.get("end");
  const build = () => {
    const q = new URLSearchParams(params);
    q.delete("range");
    const { start, end } = windowOf(params, live ? Date.now() : now);
    q.set("start", String(start));
    q.set("end", String(live && !explicit ? Date.now() + 60_000 : end));
    if (!q.get("limit")) q.set("limit", String(LOG_PAGE));
    return `?${pageQuery(q, params)}`;
  };
  const key = `?${params}|${live}`;
  const logs = useQuery({
    queryKey: telemetryKeys.logs(source, key),
    queryFn: () => searchLogs(source, build()),
    refetchInterval: live ? 2000 : false,
  });
  const submit = (form: FormData) => {
    const next = new URLSearchParams();
    for (const k of ["q", "severity", "service", "pod", "traceId", "spanId", "range"]) {
      const v = String(form.get(k) ?? "").trim();
      if (v) next.set(k, v);
    }
    router.push(`${pathname}?${next}`);
  };
  return (
    <div className="space-y-4">
      <Card>
        <form
          action={submit}
          role="search"
          aria-label={t("telemetry.logSearch")}
          className="grid gap-3 md:grid-cols-4 lg:grid-cols-8"
        >
          <div className="md:col-span-2">
            <QueryInput id="lg-q" name="q" label={t("telemetry.text")} />
          </div>
          <Field id="lg-severity" label={t("telemetry.severity")}>
            <NativeSelect id="lg-severity" name="severity" defaultValue={params.get("severity") ?? ""}>
              <option value="">{t("telemetry.any")}</option>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <QueryInput id="lg-service" name="service" label={t("telemetry.service")} />
          <QueryInput id="lg-pod" name="pod" label={t("telemetry.pod")} />
          <QueryInput id="lg-trace" name="traceId" label={t("telemetry.traceId")} className="font-mono" />
          <RangeField id="lg-range" defaultValue={params.get("range") ?? "1h"} />
          {params.get("spanId") && <input type="hidden" name="spanId" value={params.get("spanId") ?? ""} />}
          <div className="flex items-end">
            <Button type="submit" className="w-full">
              {t("telemetry.find")}
            </Button>
          </div>
        </form>
        <label className="mt-3 flex items-center gap-2 text-sm">
          <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} />
          {t("telemetry.liveTail")}
        </label>
      </Card>
      {logs.error && <Alert variant="destructive">{(logs.error as Error).message}</Alert>}
      {logs.data && (
        <Card aria-label={t("telemetry.results")}>
          <p className="mb-2 text-xs text-muted-foreground">
            {t("telemetry.servedBy", { backend: backendName(t, logs.data.backend) })}
            {logs.data.hiddenLogs ? ` · ${t("telemetry.hiddenLogs", { count: logs.data.hiddenLogs })}` : ""}
          </p>
          {logs.data.logs.length === 0 ? (
            <EmptyState title={t("telemetry.noLogs")} hint={t("telemetry.noLogsHint")} />
          ) : (
            <LogLines logs={logs.data.logs} />
          )}
          {!live && (
            <OlderNewer
              label={t("telemetry.logPages")}
              oldest={logs.data.logs.at(-1)?.timeMs ?? null}
              full={logs.data.logs.length >= Number(params.get("limit") ?? LOG_PAGE)}
            />
          )}
        </Card>
      )}
    </div>
  );
}
