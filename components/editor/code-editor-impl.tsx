"use client";

import { Editor } from "@monaco-editor/react";
import { useTheme } from "next-themes";
import type { SchemasSettings } from "monaco-yaml";
import { baseEditorOptions } from "./editor-options";
import { setupMonaco, applyYamlSchemas } from "./monaco-setup";

export interface CodeEditorProps {
  value: string;
  onChange?: (value: string) => void;
  language: string;
  /** A file name for the model; monaco-yaml matches schemas against it. */
  path: string;
  readOnly?: boolean;
  height?: string;
  label: string;
  schemas?: SchemasSettings[];
}

setupMonaco();

export default function CodeEditorImpl({
  value,
  onChange,
  language,
  path,
  readOnly,
  height = "420px",
  label,
  schemas,
}: CodeEditorProps) {
  const { resolvedTheme } = useTheme();
  if (language === "yaml") applyYamlSchemas(schemas ?? []);
  return (
    <div role="group" aria-label={label} className="overflow-hidden rounded-md border">
      <Editor
        height={height}
        language={language}
        path={path}
        value={value}
        theme={resolvedTheme === "dark" ? "vs-dark" : "vs"}
        onChange={(v) => onChange?.(v ?? "")}
        // No word-guessing pop-ups: in configs and manifests they insert more than they help.
        options={{
          ...baseEditorOptions(label, readOnly),
          quickSuggestions: false,
          wordBasedSuggestions: "off",
          suggestOnTriggerCharacters: false,
          acceptSuggestionOnEnter: "off",
        }}
      />
    </div>
  );
}
