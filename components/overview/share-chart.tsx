"use client";

import dynamic from "next/dynamic";
import type { ShareChartProps } from "./share-chart-impl";

// Charts load with the page that shows them, not with the console.
export const ShareChart = dynamic<ShareChartProps>(() => import("./share-chart-impl"), {
  ssr: false,
  loading: () => <div className="h-40 animate-pulse rounded-md bg-muted" aria-busy="true" />,
});

export type { ShareSeries } from "./share-chart-impl";
