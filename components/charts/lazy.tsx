"use client";

import dynamic from "next/dynamic";

// Charts load with the pages that show them, not with the console.
const placeholder = () => <div className="h-56 animate-pulse rounded-md bg-muted" aria-busy="true" />;
export const DurationScatter = dynamic(() => import("./duration-scatter"), { ssr: false, loading: placeholder });
export const TimeSeries = dynamic(() => import("./time-series"), { ssr: false, loading: placeholder });
