"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { formatMs, getTrace, telemetryKeys, toConsoleUrl, traceApi } from "@/lib/telemetry/client";
import type { SpanDto } from "@/lib/telemetry/schemas";
import { cn } from "@/lib/ui/cn";
import { consolePath } from "@/lib/console/paths";

/** Spans in tree order (parents before children, siblings by start), with their depth. */
export function treeOrder(spans: SpanDto[]): { span: SpanDto; depth: number }[] {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string, SpanDto[]>();
  const roots: SpanDto[] = [];
  for (const s of spans) {
    if (s.parentSpanId && ids.has(s.parentSpanId))
      children.set(s.parentSpanId, [...(children.get(s.parentSpanId) ?? []), s]);
    else roots.push(s);
  }
  const out: { span: SpanDto; depth: number }[] = [];
  const walk = (s: SpanDto, depth: number) => {
    out.push({ span: s, depth });
    for (const c of (children.get(s.spanId) ?? []).sort((a, b) => a.startMs - b.startMs)) walk(c, depth + 1);
  };
  for (const r of roots.sort((a, b) => a.startMs - b.startMs)) walk(r, 0);
  return out;
}

function Pairs({ data, label }: { data: Record<string, unknown>; label: string }) {
  const entries = Object.entries(data);
  if (!entries.length) return null;
  return (
    <table aria-label={label} className="w-full text-xs">
      <tbody>
        {entries.map(([k, v]) => (
          <tr key={k} className="border-b last:border-0">
            <th scope="row" className="w-1/3 py-1 pr-2 text-left font-mono font-normal text-muted-foreground">
              {k}
            </th>
            <td className="break-all py-1 font-mono">{typeof v === "string" ? v : JSON.stringify(v)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The waterfall of one trace, and what one span carries and links to. */
export function TraceView({ traceId, api = traceApi(traceId) }: { traceId: string; api?: string }) {
  const { t, locale } = useI18n();
  const trace = useQuery({ queryKey: telemetryKeys.trace(api), queryFn: () => getTrace(api) });
  const [selected, setSelected] = useState<string | null>(null);
  if (trace.error) return <Alert variant="destructive">{(trace.error as Error).message}</Alert>;
  if (!trace.data) return <p aria-busy="true">{t("common.loading")}</p>;
  const d = trace.data;
  const rows = treeOrder(d.spans);
  const span = d.spans.find((s) => s.spanId === selected) ?? null;
  const total = Math.max(d.durationMs, 0.001);
  return (
    <div className="space-y-4">
      <Card aria-label={t("telemetry.traceSummary")}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="text-sm">
            <p className="font-mono text-xs text-muted-foreground">{d.traceId}</p>
            <p>
              {formatMs(d.durationMs)} · {t("telemetry.spanCount", { count: d.spans.length })} · {d.services.join(", ")}{" "}
              · {new Date(d.startMs).toLocaleString(locale)}
            </p>
            {d.hiddenSpans > 0 && (
              <p className="mt-1 text-amber-700 dark:text-amber-300">
                {t("telemetry.hiddenSpans", { count: d.hiddenSpans })}
              </p>
            )}
          </div>
          <Button asChild variant="outline" size="sm">
            <Link href={toConsoleUrl(d.related.logs)}>{t("telemetry.logsOfTrace")}</Link>
          </Button>
        </div>
      </Card>
      <Card aria-labelledby="waterfall-title">
        <CardTitle id="waterfall-title">{t("telemetry.waterfall")}</CardTitle>
        <ol role="tree" aria-label={t("telemetry.waterfall")} className="space-y-0.5">
          {rows.map(({ span: s, depth }) => {
            const left = ((s.startMs - d.startMs) / total) * 100;
            const width = Math.max((s.durationMs / total) * 100, 0.3);
            return (
              <li key={s.spanId} role="treeitem" aria-level={depth + 1} aria-selected={selected === s.spanId}>
                <button
                  onClick={() => setSelected(s.spanId)}
                  aria-label={t("telemetry.spanLabel", {
                    service: s.service,
                    name: s.name,
                    duration: formatMs(s.durationMs),
                  })}
                  className={cn(
                    "grid w-full grid-cols-[minmax(12rem,2fr)_3fr] items-center gap-2 rounded px-1 py-0.5 text-left text-xs hover:bg-accent",
                    selected === s.spanId && "bg-accent",
                  )}
                >
                  <span className="truncate" style={{ paddingLeft: depth * 12 }}>
                    <span className="font-medium">{s.service}</span> {s.name}
                  </span>
                  <span className="relative h-4 rounded bg-muted">
                    <span
                      className={cn(
                        "absolute top-0 h-4 rounded",
                        s.status.code === "error" ? "bg-destructive" : "bg-primary",
                      )}
                      style={{ left: `${left}%`, width: `${width}%` }}
                    />
                    <span className="absolute right-1 top-0 text-[10px] leading-4">{formatMs(s.durationMs)}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </Card>
      {span && (
        <Card aria-label={t("telemetry.spanDetails")}>
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <div>
              <h2 className="font-semibold">
                {span.service}: {span.name}
              </h2>
              <p className="text-xs text-muted-foreground">
                {span.kind} · {formatMs(span.durationMs)} · {span.namespace}
                {span.pod && ` · ${span.pod}`}{" "}
                {span.status.code === "error" && (
                  <Badge tone="bad">{span.status.message || t("telemetry.error")}</Badge>
                )}
              </p>
            </div>
            <div className="flex gap-2">
              {span.related.logs && (
                <Button asChild size="sm" variant="outline">
                  <Link href={toConsoleUrl(span.related.logs)}>{t("telemetry.logsOfSpan")}</Link>
                </Button>
              )}
              {span.related.metrics && (
                <Button asChild size="sm" variant="outline">
                  <Link href={toConsoleUrl(span.related.metrics)}>{t("telemetry.metricsOfPod")}</Link>
                </Button>
              )}
            </div>
          </div>
          <div className="grid gap-4 md:grid-cols-2">
            <section>
              <h3 className="mb-1 text-xs font-semibold uppercase text-muted-foreground">
                {t("telemetry.attributes")}
              </h3>
              <Pairs data={span.attributes} label={t("telemetry.attributes")} />
            </section>
            <section>
              <h3 className="mb-1 text-xs font-semibold uppercase text-muted-foreground">{t("telemetry.resource")}</h3>
              <Pairs data={span.resource} label={t("telemetry.resource")} />
            </section>
          </div>
          {span.events.length > 0 && (
            <section className="mt-3">
              <h3 className="mb-1 text-xs font-semibold uppercase text-muted-foreground">{t("telemetry.events")}</h3>
              <ul className="space-y-1 text-xs">
                {span.events.map((e, i) => (
                  <li key={i}>
                    <span className="text-muted-foreground">+{formatMs(e.timeMs - span.startMs)}</span>{" "}
                    <span className="font-medium">{e.name}</span>{" "}
                    {Object.keys(e.attributes).length > 0 && <code>{JSON.stringify(e.attributes)}</code>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {span.links.length > 0 && (
            <section className="mt-3">
              <h3 className="mb-1 text-xs font-semibold uppercase text-muted-foreground">{t("telemetry.links")}</h3>
              <ul className="text-xs">
                {span.links.map((l) => (
                  <li key={`${l.traceId}-${l.spanId}`}>
                    <Link className="font-mono text-primary hover:underline" href={consolePath.trace(l.traceId)}>
                      {l.traceId}/{l.spanId}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </Card>
      )}
    </div>
  );
}
