"use client";

import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatMs } from "@/lib/telemetry/client";

export interface ScatterPoint {
  id: string;
  x: number;
  y: number;
  error: boolean;
  label: string;
}

const time = (ms: number) => new Date(ms).toLocaleTimeString();

/** Each trace as a dot: when it started, how long it took; errors in red. Click opens it. */
export default function DurationScatter({
  points,
  onSelect,
  label,
}: {
  points: ScatterPoint[];
  onSelect: (id: string) => void;
  label: string;
}) {
  const ok = points.filter((p) => !p.error);
  const bad = points.filter((p) => p.error);
  const pick = (d: unknown) => {
    const id = (d as { payload?: ScatterPoint })?.payload?.id;
    if (id) onSelect(id);
  };
  return (
    <figure aria-label={label} className="h-56 w-full">
      <ResponsiveContainer>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" className="opacity-40" />
          <XAxis
            type="number"
            dataKey="x"
            domain={["dataMin", "dataMax"]}
            tickFormatter={time}
            name="start"
            fontSize={11}
          />
          <YAxis
            type="number"
            dataKey="y"
            tickFormatter={(v) => formatMs(v)}
            name="duration"
            fontSize={11}
            width={64}
          />
          <Tooltip
            formatter={(v, n) => (n === "duration" ? formatMs(Number(v)) : time(Number(v)))}
            labelFormatter={() => ""}
          />
          <Scatter data={ok} fill="var(--color-primary)" onClick={pick} cursor="pointer" />
          <Scatter data={bad} fill="var(--color-destructive)" onClick={pick} cursor="pointer" />
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}
