"use client";

import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { PHASES, type Phase, type ProbePoint } from "./api";

export interface ProbeChartsProps {
  points: ProbePoint[];
  domain: [number, number];
  latencyLabel: string;
  statusLabel: string;
  phaseNames: Record<Phase, string>;
  statusName: string;
  /** A 1 h window reads in minutes, 7 d in days. */
  long: boolean;
}

const PHASE_COLORS: Record<Phase, string> = {
  resolve: "#0891b2",
  connect: "#7c3aed",
  tls: "#d97706",
  processing: "var(--color-primary)",
  transfer: "#059669",
};

const tick = (long: boolean) => (v: number) =>
  long
    ? new Date(v).toLocaleDateString(undefined, { month: "short", day: "numeric", hour: "2-digit" })
    : new Date(v).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });

/** Latency stacked by phase, and the HTTP status code over time. Points without a phase split
 *  (TCP, ICMP) show their whole duration as "processing". */
export default function ProbeCharts({
  points,
  domain,
  latencyLabel,
  statusLabel,
  phaseNames,
  statusName,
  long,
}: ProbeChartsProps) {
  const rows = points.map((p) => {
    const phases = p.phases ?? {};
    const split = PHASES.some((ph) => phases[ph] != null);
    const row: Record<string, number | null> = { t: p.t, status: p.statusCode };
    for (const ph of PHASES)
      row[phaseNames[ph]] = split ? (phases[ph] ?? 0) : ph === "processing" ? p.durationMs : null;
    return row;
  });
  const fmtMs = (v: unknown) => (v == null ? "—" : `${Math.round(Number(v) * 10) / 10} ms`);
  const label = (v: unknown) => new Date(Number(v)).toLocaleString();
  return (
    <div className="space-y-6">
      <figure aria-label={latencyLabel} className="h-64 w-full">
        <ResponsiveContainer>
          <AreaChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" className="opacity-40" />
            <XAxis dataKey="t" type="number" domain={domain} tickFormatter={tick(long)} fontSize={11} />
            <YAxis tickFormatter={(v) => `${v} ms`} fontSize={11} width={64} />
            <Tooltip labelFormatter={label} formatter={fmtMs} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            {PHASES.map((ph) => (
              <Area
                key={ph}
                type="monotone"
                dataKey={phaseNames[ph]}
                stackId="latency"
                stroke={PHASE_COLORS[ph]}
                fill={PHASE_COLORS[ph]}
                fillOpacity={0.35}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </figure>
      {rows.some((r) => r.status != null) && (
        <figure aria-label={statusLabel} className="w-full">
          <figcaption className="mb-1 text-xs text-muted-foreground">{statusLabel}</figcaption>
          <ResponsiveContainer height={160}>
            <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" className="opacity-40" />
              <XAxis dataKey="t" type="number" domain={domain} tickFormatter={tick(long)} fontSize={11} />
              <YAxis domain={[100, 600]} ticks={[200, 300, 400, 500]} fontSize={11} width={64} />
              <Tooltip labelFormatter={label} />
              <Line
                type="stepAfter"
                dataKey="status"
                name={statusName}
                stroke="#db2777"
                dot={{ r: 2 }}
                isAnimationActive={false}
                connectNulls={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </figure>
      )}
    </div>
  );
}
