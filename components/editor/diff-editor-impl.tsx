"use client";

import { DiffEditor } from "@monaco-editor/react";
import { useTheme } from "next-themes";
import { setupMonaco } from "./monaco-setup";

export interface DiffViewProps {
  original: string;
  modified: string;
  language: string;
  label: string;
  height?: string;
}

setupMonaco();

export default function DiffViewImpl({ original, modified, language, label, height = "420px" }: DiffViewProps) {
  const { resolvedTheme } = useTheme();
  return (
    <div role="group" aria-label={label} className="overflow-hidden rounded-md border">
      <DiffEditor
        height={height}
        language={language}
        original={original}
        modified={modified}
        theme={resolvedTheme === "dark" ? "vs-dark" : "vs"}
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
