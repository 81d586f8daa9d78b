"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { TimeSeries } from "@/components/charts/lazy";
import { useI18n } from "@/components/i18n/i18n-provider";
import { backendName } from "./backend-name";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import {
  apmOperations,
  apmServices,
  formatMs,
  telemetryKeys,
  toConsoleUrl,
  type TelemetrySource,
} from "@/lib/telemetry/client";
import type { ApmRow } from "@/lib/telemetry/schemas";
import { RangeField } from "./range-field";
import { windowOf } from "./time-range";

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

function StatsTable({
  rows,
  label,
  pick,
  by,
}: {
  rows: ApmRow[];
  label: string;
  pick?: (s: string) => void;
  by: "service" | "operation";
}) {
  const { t } = useI18n();
  return (
    <Table aria-label={label}>
      <THead>
        <tr>
          <Th>{by === "service" ? t("telemetry.service") : t("telemetry.operation")}</Th>
          <Th>{t("telemetry.rate")}</Th>
          <Th>{t("telemetry.errorRate")}</Th>
          <Th>p50</Th>
          <Th>p90</Th>
          <Th>p99</Th>
          <Th>{t("telemetry.traces")}</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => {
          const name = by === "service" ? r.service : (r.operation ?? "");
          return (
            <tr key={name}>
              <Td>
                {pick ? (
                  <button className="font-medium text-primary hover:underline" onClick={() => pick(name)}>
                    {name}
                  </button>
                ) : (
                  <span className="font-medium">{name}</span>
                )}
              </Td>
              <Td>{r.rate.toFixed(2)}/s</Td>
              <Td className={r.errorRate > 0.05 ? "text-destructive" : undefined}>{pct(r.errorRate)}</Td>
              <Td>{formatMs(r.p50Ms)}</Td>
              <Td>{formatMs(r.p90Ms)}</Td>
              <Td>{formatMs(r.p99Ms)}</Td>
              <Td>
                <Link className="text-primary hover:underline" href={toConsoleUrl(r.traces)}>
                  {t("telemetry.find")}
                </Link>
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}

/** Rate, errors and latency per service and operation; a point on a chart opens the traces of
 *  that service in that time bucket. */
export function ApmOverview({ source }: { source: TelemetrySource }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [now] = useState(() => Date.now());
  const { start, end } = windowOf(params, now);
  const service = params.get("service");
  const q = `?start=${start}&end=${end}`;
  const services = useQuery({ queryKey: telemetryKeys.apm(source, q), queryFn: () => apmServices(source, q) });
  const detail = useQuery({
    queryKey: telemetryKeys.apm(source, `${q}&series=true`),
    queryFn: () => apmServices(source, `${q}&series=true`),
    enabled: Boolean(service),
  });
  const operations = useQuery({
    queryKey: telemetryKeys.operations(source, service ?? "", q),
    queryFn: () => apmOperations(source, service!, q),
    enabled: Boolean(service),
  });
  const setParam = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    router.push(`${pathname}?${next}`);
  };
  const row = detail.data?.rows.find((r) => r.service === service);
  const step = detail.data?.stepMs ?? 60_000;
  const bucketLabel = (tMs: number) => t("telemetry.openBucket", { time: new Date(tMs).toLocaleTimeString(locale) });
  const openBucket = (tMs: number) =>
    router.push(`${source.page}/traces?service=${encodeURIComponent(service!)}&start=${tMs}&end=${tMs + step - 1}`);
  return (
    <div className="space-y-4">
      <Card>
        <div className="flex max-w-xs">
          <RangeField id="apm-range" value={params.get("range") ?? "1h"} onChange={(r) => setParam("range", r)} />
        </div>
      </Card>
      {services.error && <Alert variant="destructive">{(services.error as Error).message}</Alert>}
      {services.data && (
        <Card aria-labelledby="apm-services">
          <CardTitle id="apm-services">{t("telemetry.services")}</CardTitle>
          <p className="mb-2 text-xs text-muted-foreground">
            {t("telemetry.servedBy", { backend: backendName(t, services.data.backend) })}
          </p>
          {services.data.rows.length === 0 ? (
            <EmptyState title={t("telemetry.noServices")} hint={t("telemetry.noServicesHint")} />
          ) : (
            <StatsTable
              rows={services.data.rows}
              label={t("telemetry.services")}
              by="service"
              pick={(s) => setParam("service", s)}
            />
          )}
        </Card>
      )}
      {service && (
        <Card aria-labelledby="apm-service">
          <CardTitle id="apm-service">{service}</CardTitle>
          {row?.series ? (
            <div className="grid gap-4 lg:grid-cols-3">
              <div>
                <h3 className="text-xs font-semibold uppercase text-muted-foreground">{t("telemetry.latency")}</h3>
                <TimeSeries
                  label={t("telemetry.latencyOf", { service })}
                  format={(v) => formatMs(v)}
                  onPointClick={openBucket}
                  pointLabel={bucketLabel}
                  series={[
                    { name: "p50", points: row.series.map((p) => [p.tMs, p.p50Ms]) },
                    { name: "p90", points: row.series.map((p) => [p.tMs, p.p90Ms]) },
                    { name: "p99", points: row.series.map((p) => [p.tMs, p.p99Ms]) },
                  ]}
                />
              </div>
              <div>
                <h3 className="text-xs font-semibold uppercase text-muted-foreground">{t("telemetry.errorRate")}</h3>
                <TimeSeries
                  label={t("telemetry.errorsOf", { service })}
                  format={pct}
                  onPointClick={openBucket}
                  pointLabel={bucketLabel}
                  series={[{ name: t("telemetry.errorRate"), points: row.series.map((p) => [p.tMs, p.errorRate]) }]}
                />
              </div>
              <div>
                <h3 className="text-xs font-semibold uppercase text-muted-foreground">{t("telemetry.rate")}</h3>
                <TimeSeries
                  label={t("telemetry.rateOf", { service })}
                  format={(v) => `${v.toFixed(2)}/s`}
                  onPointClick={openBucket}
                  pointLabel={bucketLabel}
                  series={[{ name: t("telemetry.rate"), points: row.series.map((p) => [p.tMs, p.rate]) }]}
                />
              </div>
            </div>
          ) : (
            <p aria-busy="true">{t("common.loading")}</p>
          )}
          {operations.data && (
            <div className="mt-4">
              <StatsTable rows={operations.data.rows} label={t("telemetry.operations")} by="operation" />
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
