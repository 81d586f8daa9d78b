"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { DurationScatter } from "@/components/charts/lazy";
import { useI18n } from "@/components/i18n/i18n-provider";
import { backendName } from "./backend-name";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatMs, searchTraces, telemetryKeys, tracePage, type TelemetrySource } from "@/lib/telemetry/client";
import { QueryInput } from "./query-input";
import { RangeField } from "./range-field";
import { OlderNewer, pageQuery } from "./older-newer";
import { windowOf } from "./time-range";

const TRACE_PAGE = 50;

/** Trace search by service, operation, attributes, status and duration; the URL is the query. */
export function TraceSearch({ source }: { source: TelemetrySource }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [now] = useState(() => Date.now());
  const { start, end } = windowOf(params, now);
  const query = new URLSearchParams(params);
  query.delete("range");
  query.set("start", String(start));
  query.set("end", String(end));
  if (!query.get("limit")) query.set("limit", String(TRACE_PAGE));
  const key = `?${pageQuery(query, params)}`;
  const traces = useQuery({ queryKey: telemetryKeys.traces(source, key), queryFn: () => searchTraces(source, key) });
  const attrs = [...params.entries()]
    .filter(([k]) => k.startsWith("attr."))
    .map(([k, v]) => `${k.slice(5)}=${v}`)
    .join("\n");

  const submit = (form: FormData) => {
    const next = new URLSearchParams();
    for (const k of ["service", "operation", "status", "minDuration", "maxDuration", "range"]) {
      const v = String(form.get(k) ?? "").trim();
      if (v) next.set(k, v);
    }
    for (const line of String(form.get("attrs") ?? "").split("\n")) {
      const i = line.indexOf("=");
      if (i > 0) next.set(`attr.${line.slice(0, i).trim()}`, line.slice(i + 1).trim());
    }
    router.push(`${pathname}?${next}`);
  };

  return (
    <div className="space-y-4">
      <Card>
        <form
          action={submit}
          role="search"
          aria-label={t("telemetry.traceSearch")}
          className="grid gap-3 md:grid-cols-6"
        >
          <QueryInput id="tr-service" name="service" label={t("telemetry.service")} />
          <QueryInput id="tr-operation" name="operation" label={t("telemetry.operation")} />
          <Field id="tr-status" label={t("telemetry.status")}>
            <NativeSelect id="tr-status" name="status" defaultValue={params.get("status") ?? ""}>
              <option value="">{t("telemetry.any")}</option>
              <option value="error">{t("telemetry.error")}</option>
              <option value="ok">OK</option>
              <option value="unset">{t("telemetry.unset")}</option>
            </NativeSelect>
          </Field>
          <QueryInput id="tr-min" name="minDuration" label={t("telemetry.minDuration")} placeholder="100ms" />
          <QueryInput id="tr-max" name="maxDuration" label={t("telemetry.maxDuration")} placeholder="5s" />
          <RangeField id="tr-range" defaultValue={params.get("range") ?? "1h"} />
          <div className="md:col-span-5">
            <Field id="tr-attrs" label={t("telemetry.attributes")} hint={t("telemetry.attributesHint")}>
              <textarea
                id="tr-attrs"
                name="attrs"
                rows={2}
                defaultValue={attrs}
                placeholder="user.id=u-42"
                className="w-full rounded-md border border-input bg-background px-3 py-2 font-mono text-xs"
              />
            </Field>
          </div>
          <div className="flex items-end">
            <Button type="submit" className="w-full">
              {t("telemetry.find")}
            </Button>
          </div>
        </form>
      </Card>
      {traces.error && <Alert variant="destructive">{(traces.error as Error).message}</Alert>}
      {traces.data && (
        <Card aria-label={t("telemetry.results")}>
          <p className="mb-2 text-xs text-muted-foreground">
            {t("telemetry.servedBy", { backend: backendName(t, traces.data.backend) })}
          </p>
          {traces.data.traces.length === 0 ? (
            <EmptyState title={t("telemetry.noTraces")} hint={t("telemetry.noTracesHint")} />
          ) : (
            <>
              <DurationScatter
                label={t("telemetry.scatter")}
                points={traces.data.traces.map((tr) => ({
                  id: tr.traceId,
                  x: tr.startMs,
                  y: tr.durationMs,
                  error: tr.errorCount > 0,
                  label: tr.rootName,
                }))}
                onSelect={(id) => router.push(tracePage(source, traces.data.backend, id))}
              />
              <Table aria-label={t("telemetry.traces")}>
                <THead>
                  <tr>
                    <Th>{t("telemetry.trace")}</Th>
                    <Th>{t("telemetry.spans")}</Th>
                    <Th>{t("telemetry.duration")}</Th>
                    <Th>{t("telemetry.started")}</Th>
                  </tr>
                </THead>
                <TBody>
                  {traces.data.traces.map((tr) => (
                    <tr key={tr.traceId}>
                      <Td>
                        <Link
                          href={tracePage(source, traces.data.backend, tr.traceId)}
                          className="font-medium text-primary hover:underline"
                          aria-label={t("telemetry.openTrace", { name: `${tr.rootService}: ${tr.rootName}` })}
                        >
                          {tr.rootService}: {tr.rootName}
                        </Link>
                        {tr.errorCount > 0 && (
                          <Badge tone="bad" className="ml-2">
                            {t("telemetry.errors", { count: tr.errorCount })}
                          </Badge>
                        )}
                        <p className="font-mono text-xs text-muted-foreground">{tr.traceId}</p>
                      </Td>
                      <Td>
                        {tr.spanCount} · {tr.services.join(", ")}
                      </Td>
                      <Td>{formatMs(tr.durationMs)}</Td>
                      <Td className="text-muted-foreground">{new Date(tr.startMs).toLocaleString(locale)}</Td>
                    </tr>
                  ))}
                </TBody>
              </Table>
            </>
          )}
          <OlderNewer
            label={t("telemetry.tracePages")}
            oldest={traces.data.traces.length ? Math.min(...traces.data.traces.map((tr) => tr.startMs)) : null}
            full={traces.data.traces.length >= Number(params.get("limit") ?? TRACE_PAGE)}
          />
        </Card>
      )}
    </div>
  );
}
