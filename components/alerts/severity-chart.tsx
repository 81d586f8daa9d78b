"use client";

import dynamic from "next/dynamic";
import type { SeverityChartProps } from "./severity-chart-impl";

// Charts load with the page that shows them, not with the console.
export const SeverityChart = dynamic<SeverityChartProps>(() => import("./severity-chart-impl"), {
  ssr: false,
  loading: () => <div className="h-48 animate-pulse rounded-md bg-muted" aria-busy="true" />,
});
