"use client";

import type { KeyboardEvent } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface Series {
  name: string;
  points: [number, number | null][];
}

const COLORS = ["var(--color-primary)", "#d97706", "#059669", "#db2777", "#7c3aed", "#0891b2", "#65a30d", "#dc2626"];

type DotProps = { cx?: number | null; cy?: number | null; value?: unknown; index?: number; payload?: { t?: unknown } };

/** The first series' points as buttons, so a bucket can be opened with the keyboard (and found
 *  by its name) as well as by a click anywhere on the chart. */
function pointButton(open: (tMs: number) => void, name: (tMs: number) => string) {
  return function PointButton({ cx, cy, value, index, payload }: DotProps) {
    const t = Number(payload?.t);
    if (cx == null || cy == null || value == null || !Number.isFinite(t)) return <g key={`none-${index}`} />;
    const activate = (event: { stopPropagation: () => void }) => {
      event.stopPropagation();
      open(t);
    };
    return (
      <circle
        key={`point-${index}`}
        cx={cx}
        cy={cy}
        r={3}
        role="button"
        tabIndex={0}
        aria-label={name(t)}
        className="cursor-pointer fill-primary outline-none focus-visible:stroke-foreground focus-visible:stroke-2"
        onClick={activate}
        onKeyDown={(event: KeyboardEvent) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            activate(event);
          }
        }}
      />
    );
  };
}

/** Lines over time; a click on a point (or Enter on it) reports its time bucket. */
export default function TimeSeries({
  series,
  label,
  format = (v: number) => String(Math.round(v * 100) / 100),
  onPointClick,
  pointLabel = (t: number) => new Date(t).toLocaleString(),
  height = 240,
}: {
  series: Series[];
  label: string;
  format?: (v: number) => string;
  onPointClick?: (tMs: number) => void;
  /** Accessible name of a point's button, given its time. */
  pointLabel?: (tMs: number) => string;
  height?: number;
}) {
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const rows = times.map((t) =>
    Object.fromEntries([["t", t], ...series.map((s) => [s.name, s.points.find((p) => p[0] === t)?.[1] ?? null])]),
  );
  return (
    <figure aria-label={label} className="w-full" style={{ height }}>
      <ResponsiveContainer>
        <LineChart
          data={rows}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          onClick={(e) => {
            // recharts 3 reports the active point by index (possibly as a string) and its label
            // as a string or a number: read the time from our own row.
            const event = e as { activeTooltipIndex?: number | string; activeLabel?: number | string } | null;
            const index = Number(event?.activeTooltipIndex);
            const t = Number.isInteger(index) && rows[index] ? Number(rows[index].t) : Number(event?.activeLabel);
            if (onPointClick && Number.isFinite(t)) onPointClick(t);
          }}
        >
          <CartesianGrid strokeDasharray="3 3" className="opacity-40" />
          <XAxis
            dataKey="t"
            type="number"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(v) => new Date(v).toLocaleTimeString()}
            fontSize={11}
          />
          <YAxis tickFormatter={format} fontSize={11} width={64} />
          <Tooltip labelFormatter={(v) => new Date(Number(v)).toLocaleString()} formatter={(v) => format(Number(v))} />
          {series.length > 1 && <Legend wrapperStyle={{ fontSize: 11 }} />}
          {series.map((s, i) => (
            <Line
              key={s.name}
              dataKey={s.name}
              stroke={COLORS[i % COLORS.length]}
              dot={i === 0 && onPointClick ? pointButton(onPointClick, pointLabel) : false}
              isAnimationActive={false}
              connectNulls
              strokeWidth={1.5}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
