"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface Series {
  name: string;
  points: [number, number | null][];
}

const COLORS = ["var(--color-primary)", "#d97706", "#059669", "#db2777", "#7c3aed", "#0891b2", "#65a30d", "#dc2626"];

/** Lines over time; a click on a point reports its time bucket. */
export default function TimeSeries({
  series,
  label,
  format = (v: number) => String(Math.round(v * 100) / 100),
  onPointClick,
  height = 240,
}: {
  series: Series[];
  label: string;
  format?: (v: number) => string;
  onPointClick?: (tMs: number) => void;
  height?: number;
}) {
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const rows = times.map((t) => Object.fromEntries([["t", t], ...series.map((s) => [s.name, s.points.find((p) => p[0] === t)?.[1] ?? null])]));
  return (
    <figure aria-label={label} className="w-full" style={{ height }}>
      <ResponsiveContainer>
        <LineChart
          data={rows}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          onClick={(e) => {
            const t = (e as { activeLabel?: number } | null)?.activeLabel;
            if (onPointClick && typeof t === "number") onPointClick(t);
          }}
        >
          <CartesianGrid strokeDasharray="3 3" className="opacity-40" />
          <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickFormatter={(v) => new Date(v).toLocaleTimeString()} fontSize={11} />
          <YAxis tickFormatter={format} fontSize={11} width={64} />
          <Tooltip labelFormatter={(v) => new Date(Number(v)).toLocaleString()} formatter={(v) => format(Number(v))} />
          {series.length > 1 && <Legend wrapperStyle={{ fontSize: 11 }} />}
          {series.map((s, i) => (
            <Line key={s.name} dataKey={s.name} stroke={COLORS[i % COLORS.length]} dot={false} isAnimationActive={false} connectNulls strokeWidth={1.5} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
