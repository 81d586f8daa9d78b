"use client";

import { DiffEditor, type DiffOnMount } from "@monaco-editor/react";
import { useTheme } from "next-themes";
import { useEffect, useRef } from "react";
import { setupMonaco } from "./monaco-setup";

export interface DiffViewProps {
  original: string;
  modified: string;
  language: string;
  label: string;
  height?: string;
}

setupMonaco();

type DiffEditorInstance = Parameters<DiffOnMount>[0];

export default function DiffViewImpl({ original, modified, language, label, height = "420px" }: DiffViewProps) {
  const { resolvedTheme } = useTheme();
  const editor = useRef<DiffEditorInstance | null>(null);
  // @monaco-editor/react disposes the two models before the diff widget lets go of them, and
  // Monaco throws "TextModel got disposed before DiffEditorWidget model got reset" when a diff
  // dialog closes. The models are kept by the wrapper and let go of here, in the right order.
  useEffect(
    () => () => {
      const instance = editor.current;
      const models = instance?.getModel();
      instance?.setModel(null);
      models?.original.dispose();
      models?.modified.dispose();
    },
    [],
  );
  return (
    <div role="group" aria-label={label} className="overflow-hidden rounded-md border">
      <DiffEditor
        height={height}
        language={language}
        original={original}
        modified={modified}
        theme={resolvedTheme === "dark" ? "vs-dark" : "vs"}
        keepCurrentOriginalModel
        keepCurrentModifiedModel
        onMount={(instance) => {
          editor.current = instance;
        }}
        options={{
          readOnly: true,
          renderSideBySide: true,
          minimap: { enabled: false },
          fontSize: 13,
          automaticLayout: true,
        }}
      />
    </div>
  );
}
