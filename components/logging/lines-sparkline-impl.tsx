"use client";

import { Area, AreaChart, ResponsiveContainer, Tooltip, YAxis } from "recharts";

export interface LinesSparklineProps {
  points: { t: string; v: number }[];
  label: string;
}

/** Lines per second over the last hour, small enough for a table cell. */
export default function LinesSparklineImpl({ points, label }: LinesSparklineProps) {
  const data = points.map((p) => ({ t: Date.parse(p.t), v: p.v }));
  return (
    <div role="img" aria-label={label} className="h-8 w-28">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 2, right: 0, bottom: 2, left: 0 }}>
          <YAxis hide domain={[0, "auto"]} />
          <Tooltip
            formatter={(v) => [`${Number(v).toFixed(1)}/s`, ""]}
            labelFormatter={(t) => new Date(Number(t)).toLocaleTimeString()}
            contentStyle={{ fontSize: 11 }}
          />
          <Area
            type="monotone"
            dataKey="v"
            stroke="var(--color-primary)"
            fill="var(--color-primary)"
            fillOpacity={0.15}
            isAnimationActive={false}
            dot={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
