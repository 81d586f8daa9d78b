"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface SeverityChartProps {
  label: string;
  bars: { name: string; value: number; color: string }[];
}

/** Firing alerts by severity, one bar each. */
export default function SeverityChart({ label, bars }: SeverityChartProps) {
  return (
    <figure aria-label={label} className="h-48 w-full">
      <ResponsiveContainer>
        <BarChart data={bars} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" className="opacity-40" />
          <XAxis dataKey="name" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} width={40} />
          <Tooltip cursor={{ opacity: 0.2 }} />
          <Bar dataKey="value" isAnimationActive={false}>
            {bars.map((b) => (
              <Cell key={b.name} fill={b.color} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
