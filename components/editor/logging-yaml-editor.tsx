"use client";

import dynamic from "next/dynamic";
import type { LoggingYamlEditorProps } from "./logging-yaml-editor-impl";

export type { EditorMarker } from "./logging-yaml-editor-impl";

/** Monaco with the Logging Operator's CRD schemas (completion, hover, markers), loaded lazily. */
export const LoggingYamlEditor = dynamic<LoggingYamlEditorProps>(() => import("./logging-yaml-editor-impl"), {
  ssr: false,
  loading: () => <div className="h-[480px] animate-pulse rounded-md border bg-muted" aria-busy="true" />,
});
