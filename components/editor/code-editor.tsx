"use client";

import dynamic from "next/dynamic";
import type { CodeEditorProps } from "./code-editor-impl";

/** Monaco, loaded only where an editor is shown (it is large and touches `window`). */
export const CodeEditor = dynamic<CodeEditorProps>(() => import("./code-editor-impl"), {
  ssr: false,
  loading: () => <div className="h-[420px] animate-pulse rounded-md border bg-muted" aria-busy="true" />,
});
