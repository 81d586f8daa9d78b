"use client";

import dynamic from "next/dynamic";
import type { ProbeChartsProps } from "./probe-charts-impl";

// Charts load with the probe page, not with the console.
export const ProbeCharts = dynamic<ProbeChartsProps>(() => import("./probe-charts-impl"), {
  ssr: false,
  loading: () => <div className="h-64 animate-pulse rounded-md bg-muted" aria-busy="true" />,
});
