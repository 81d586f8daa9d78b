"use client";

import dynamic from "next/dynamic";
import type { LinesSparklineProps } from "./lines-sparkline-impl";

// Charts load with the page that shows them, not with the console.
export const LinesSparkline = dynamic<LinesSparklineProps>(() => import("./lines-sparkline-impl"), {
  ssr: false,
  loading: () => <div className="h-8 w-28 animate-pulse rounded bg-muted" aria-busy="true" />,
});
