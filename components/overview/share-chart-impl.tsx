"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export interface ShareSeries {
  key: string;
  name: string;
  color: string;
}

export interface ShareChartProps {
  /** What the chart shows, for screen readers; the numbers are in the table beside it. */
  label: string;
  /** One row per bar group; values are percentages (of capacity, of a quota…). */
  rows: Record<string, string | number | null>[];
  series: ShareSeries[];
  /** Draws the 100 % line (capacity, quota) with this name. */
  limitName?: string;
  /** Tooltip text per value, when a percentage alone would hide the amounts. */
  detail?: (row: Record<string, string | number | null>, key: string) => string;
}

const tick = { fill: "var(--color-muted-foreground)", fontSize: 11 };
const cut = (s: string) => (s.length > 16 ? `${s.slice(0, 15)}…` : s);

/** Grouped horizontal bars on a percentage axis: CPU and memory share one scale. */
export default function ShareChart({ label, rows, series, limitName, detail }: ShareChartProps) {
  const max = Math.max(100, ...rows.flatMap((r) => series.map((s) => Number(r[s.key] ?? 0))));
  const height = 48 + rows.length * (series.length * 12 + 20);
  return (
    <figure role="img" aria-label={label} className="w-full min-w-0" style={{ height }}>
      <ResponsiveContainer>
        <BarChart data={rows} layout="vertical" margin={{ top: 16, right: 16, bottom: 4, left: 0 }} barGap={2}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} className="opacity-40" />
          <XAxis type="number" domain={[0, Math.ceil(max / 10) * 10]} unit="%" tick={tick} />
          <YAxis type="category" dataKey="name" width={96} tick={tick} tickFormatter={cut} interval={0} />
          <Tooltip
            cursor={{ opacity: 0.15 }}
            contentStyle={{
              background: "var(--color-card)",
              borderColor: "var(--color-border)",
              color: "var(--color-foreground)",
              fontSize: 12,
            }}
            formatter={(value, name, item) => {
              const key = series.find((s) => s.name === name)?.key ?? "";
              const text = detail ? detail(item.payload as Record<string, string | number | null>, key) : "";
              return [`${Number(value).toFixed(1)}%${text ? ` (${text})` : ""}`, name];
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {limitName && (
            <ReferenceLine
              x={100}
              stroke="var(--color-muted-foreground)"
              strokeDasharray="4 2"
              label={{
                value: limitName,
                position: "insideTopRight",
                fill: "var(--color-muted-foreground)",
                fontSize: 11,
              }}
            />
          )}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} barSize={10} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
