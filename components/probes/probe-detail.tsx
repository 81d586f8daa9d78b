"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { EnvironmentNames } from "@/lib/console/paths";
import { cn } from "@/lib/ui/cn";
import {
  PHASES,
  PROBE_WINDOWS,
  fetchProbeResults,
  probeKeys,
  type Phase,
  type ProbePoint,
  type ProbeWindow,
} from "./api";
import { millis, percent, when } from "./format";
import { ProbeCharts } from "./probe-charts";
import { ProbeStateBadge } from "./state-badge";

const DAY = 86_400_000;

/** One cell per point: green success, red failure, grey no data; the strip names its uptime. */
function SuccessStrip({ points, label }: { points: ProbePoint[]; label: string }) {
  const { t } = useI18n();
  // More cells than pixels says nothing more; keep at most 240, each the worst of its run.
  const size = Math.max(1, Math.ceil(points.length / 240));
  const cells: (0 | 1 | null)[] = [];
  for (let i = 0; i < points.length; i += size) {
    const run = points.slice(i, i + size).map((p) => p.success);
    cells.push(run.includes(0) ? 0 : run.includes(1) ? 1 : null);
  }
  return (
    <div role="img" aria-label={label} className="flex h-6 w-full gap-px overflow-hidden rounded">
      {cells.map((c, i) => (
        <span
          key={i}
          title={c === 1 ? t("probes.state.up") : c === 0 ? t("probes.state.down") : t("probes.noData")}
          className={cn("h-full flex-1", c === 1 ? "bg-emerald-500" : c === 0 ? "bg-rose-500" : "bg-muted")}
        />
      ))}
    </div>
  );
}

/** A probe's page: state, uptime strip, latency by phase, status codes, failures, certificate. */
export function ProbeDetail({ names, name }: { names: EnvironmentNames; name: string }) {
  const { t, locale } = useI18n();
  const [range, setRange] = useState<ProbeWindow>("24h");
  const results = useQuery({
    queryKey: probeKeys.results(names, name, range),
    queryFn: () => {
      const end = Date.now();
      return fetchProbeResults(names, name, end - PROBE_WINDOWS[range], end);
    },
    // Poll while open: a short window moves fast, a week barely at all.
    refetchInterval: range === "1h" ? 15_000 : 60_000,
    placeholderData: (previous) => previous,
  });
  const data = results.data;
  const probe = data?.probe;
  const phaseNames = Object.fromEntries(PHASES.map((p) => [p, t(`probes.phase.${p}`)])) as Record<Phase, string>;
  // Counted from the window's end (the time of the answer), so render stays pure.
  const certDays = data?.certExpiresAt != null ? Math.floor((data.certExpiresAt - data.endMs) / DAY) : null;
  const warnDays = probe?.checks.certExpiryWarningDays ?? 14;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="w-48">
          <Field id="probe-window" label={t("probes.window")}>
            <NativeSelect id="probe-window" value={range} onChange={(e) => setRange(e.target.value as ProbeWindow)}>
              {(Object.keys(PROBE_WINDOWS) as ProbeWindow[]).map((w) => (
                <option key={w} value={w}>
                  {t("telemetry.last", { range: w })}
                </option>
              ))}
            </NativeSelect>
          </Field>
        </div>
        {results.isFetching && (
          <span className="text-xs text-muted-foreground" aria-live="polite">
            {t("probes.refreshing")}
          </span>
        )}
      </div>
      {results.error && <Alert variant="destructive">{results.error.message}</Alert>}
      {!data && !results.error && <p aria-busy="true">{t("common.loading")}</p>}
      {data && probe && (
        <>
          <Card aria-labelledby="probe-summary">
            <CardTitle id="probe-summary">{t("probes.summary")}</CardTitle>
            <dl className="grid gap-4 text-sm sm:grid-cols-3 lg:grid-cols-6">
              <div>
                <dt className="text-muted-foreground">{t("probes.col.state")}</dt>
                <dd>
                  <ProbeStateBadge state={probe.state} />
                </dd>
              </div>
              <div>
                <dt className="text-muted-foreground">{t("probes.uptimeWindow", { range })}</dt>
                <dd className="tabular-nums">{percent(data.uptime)}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">{t("probes.col.latency")}</dt>
                <dd className="tabular-nums">{millis(probe.lastLatencyMs)}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">{t("probes.col.lastStatus")}</dt>
                <dd className="font-mono">{probe.lastStatusCode ?? "—"}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">{t("probes.certExpiry")}</dt>
                <dd className={cn(certDays != null && certDays <= warnDays && "font-medium text-destructive")}>
                  {certDays == null ? "—" : t("probes.certDays", { days: certDays })}
                </dd>
              </div>
              <div>
                <dt className="text-muted-foreground">{t("probes.col.lastRun")}</dt>
                <dd>{when(probe.lastRunAt, locale)}</dd>
              </div>
            </dl>
            <p className="mt-3 break-all font-mono text-xs text-muted-foreground">
              {t(`probes.kind.${probe.kind}`)} · {probe.target} ·{" "}
              {t("probes.every", { seconds: probe.intervalSeconds })}
            </p>
            {probe.lastError && (
              <Alert variant="destructive" className="mt-3">
                {probe.lastError}
              </Alert>
            )}
          </Card>

          <Card aria-labelledby="probe-availability">
            <CardTitle id="probe-availability">{t("probes.availability")}</CardTitle>
            {data.points.length === 0 ? (
              <EmptyState title={t("probes.noResults")} hint={t("probes.noResultsHint")} />
            ) : (
              <SuccessStrip
                points={data.points}
                label={t("probes.stripLabel", { uptime: percent(data.uptime), range })}
              />
            )}
          </Card>

          <Card aria-labelledby="probe-latency">
            <CardTitle id="probe-latency">{t("probes.latency")}</CardTitle>
            {data.points.length === 0 ? (
              <EmptyState title={t("probes.noResults")} />
            ) : (
              <ProbeCharts
                points={data.points}
                domain={[data.startMs, data.endMs]}
                latencyLabel={t("probes.latencyChart", { name })}
                statusLabel={t("probes.statusChart", { name })}
                phaseNames={phaseNames}
                statusName={t("probes.col.lastStatus")}
                long={range !== "1h"}
              />
            )}
          </Card>

          <Card aria-labelledby="probe-failures">
            <CardTitle id="probe-failures">{t("probes.failures")}</CardTitle>
            {data.failures.length === 0 ? (
              <EmptyState title={t("probes.noFailures")} />
            ) : (
              <Table aria-label={t("probes.failures")}>
                <THead>
                  <tr>
                    <Th>{t("probes.col.time")}</Th>
                    <Th>{t("probes.col.reason")}</Th>
                  </tr>
                </THead>
                <TBody>
                  {[...data.failures]
                    .sort((a, b) => b.t - a.t)
                    .map((f, i) => (
                      <tr key={`${f.t}-${i}`}>
                        <Td className="whitespace-nowrap text-xs">{when(f.t, locale)}</Td>
                        <Td className="break-all">{f.reason}</Td>
                      </tr>
                    ))}
                </TBody>
              </Table>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
