"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { TimeSeries } from "@/components/charts/lazy";
import { useI18n } from "@/components/i18n/i18n-provider";
import { backendName } from "./backend-name";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/select";
import { metricLabels, metricNames, queryMetrics, telemetryKeys, type EnvNames } from "@/lib/telemetry/client";
import { METRIC_AGGS, type MetricSeries } from "@/lib/telemetry/schemas";
import { RangeField } from "./range-field";
import { windowOf } from "./time-range";

const seriesName = (s: MetricSeries, skip: string[]) =>
  Object.entries(s.labels)
    .filter(([k]) => !skip.includes(k))
    .map(([k, v]) => `${k}=${v}`)
    .join(", ") || s.metric;

/** Pick a metric, filter its labels, aggregate, and chart it; arriving from a log or span it
 *  shows every metric of that pod and service around the moment. */
export function MetricExplorer({ names }: { names: EnvNames }) {
  const { t } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [now] = useState(() => Date.now());
  const metric = params.get("metric") ?? "";
  const { start, end } = windowOf(params, now);
  const query = new URLSearchParams(params);
  query.delete("range");
  query.set("start", String(start));
  query.set("end", String(end));
  const key = `?${query}`;
  const catalogue = useQuery({ queryKey: telemetryKeys.metricNames(names), queryFn: () => metricNames(names) });
  const labels = useQuery({
    queryKey: telemetryKeys.metricLabels(names, metric),
    queryFn: () => metricLabels(names, metric),
    enabled: Boolean(metric),
  });
  const data = useQuery({ queryKey: telemetryKeys.metrics(names, key), queryFn: () => queryMetrics(names, key) });
  const matches = [...params.entries()].filter(([k]) => k.startsWith("match."));

  const submit = (form: FormData) => {
    const next = new URLSearchParams();
    for (const [k, v] of form.entries()) if (String(v).trim()) next.set(k, String(v).trim());
    router.push(`${pathname}?${next}`);
  };

  const byMetric = new Map<string, MetricSeries[]>();
  for (const s of data.data?.series ?? []) byMetric.set(s.metric, [...(byMetric.get(s.metric) ?? []), s]);

  return (
    <div className="space-y-4">
      <Card>
        <form action={submit} aria-label={t("telemetry.metricQuery")} className="grid gap-3 md:grid-cols-5">
          <Field id="mx-metric" label={t("telemetry.metric")}>
            <NativeSelect id="mx-metric" name="metric" defaultValue={metric}>
              <option value="">{t("telemetry.allMetrics")}</option>
              {(catalogue.data?.metrics ?? []).map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field id="mx-agg" label={t("telemetry.agg")}>
            <NativeSelect id="mx-agg" name="agg" defaultValue={params.get("agg") ?? ""}>
              <option value="">{t("telemetry.defaultAgg")}</option>
              {METRIC_AGGS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <RangeField id="mx-range" defaultValue={params.get("range") ?? "1h"} />
          {Object.entries(labels.data?.labels ?? {})
            .filter(([l]) => l !== "__name__")
            .slice(0, 6)
            .map(([label, values]) => (
              <Field key={label} id={`mx-l-${label}`} label={label}>
                <NativeSelect
                  id={`mx-l-${label}`}
                  name={`match.${label}`}
                  defaultValue={params.get(`match.${label}`) ?? ""}
                >
                  <option value="">{t("telemetry.any")}</option>
                  {values.map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </NativeSelect>
              </Field>
            ))}
          {!metric && matches.map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
          <div className="flex items-end">
            <Button type="submit" className="w-full">
              {t("telemetry.chart")}
            </Button>
          </div>
        </form>
        {matches.length > 0 && (
          <p className="mt-2 text-xs text-muted-foreground">
            {t("telemetry.filteredBy")} {matches.map(([k, v]) => `${k.slice(6)}=${v}`).join(", ")}
          </p>
        )}
      </Card>
      {data.error && <Alert variant="destructive">{(data.error as Error).message}</Alert>}
      {data.data && (
        <p className="text-xs text-muted-foreground">
          {t("telemetry.servedBy", { backend: backendName(t, data.data.backend) })}
        </p>
      )}
      {data.data && byMetric.size === 0 && (
        <EmptyState title={t("telemetry.noMetrics")} hint={t("telemetry.noMetricsHint")} />
      )}
      {[...byMetric.entries()].map(([name, series]) => (
        <Card key={name} aria-labelledby={`chart-${name}`}>
          <CardTitle id={`chart-${name}`}>
            {name}{" "}
            <span className="text-xs font-normal text-muted-foreground">
              ({series[0].agg}
              {series[0].unit ? `, ${series[0].unit}` : ""})
            </span>
          </CardTitle>
          <TimeSeries
            label={t("telemetry.chartOf", { name })}
            series={series.slice(0, 8).map((s) => ({
              name: seriesName(
                s,
                matches.map(([k]) => k.slice(6)),
              ),
              points: s.points,
            }))}
          />
        </Card>
      ))}
    </div>
  );
}
