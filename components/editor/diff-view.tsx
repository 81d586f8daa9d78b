"use client";

import dynamic from "next/dynamic";
import type { DiffViewProps } from "./diff-editor-impl";

/** Monaco's side-by-side diff, loaded only where it is shown. */
export const DiffView = dynamic<DiffViewProps>(() => import("./diff-editor-impl"), {
  ssr: false,
  loading: () => <div className="h-[420px] animate-pulse rounded-md border bg-muted" aria-busy="true" />,
});
