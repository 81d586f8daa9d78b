"use client";

import { Editor, type Monaco } from "@monaco-editor/react";
import type { editor } from "monaco-editor";
import type { SchemasSettings } from "monaco-yaml";
import { useTheme } from "next-themes";
import { useEffect, useRef, useState } from "react";
import { baseEditorOptions } from "./editor-options";
import { applyYamlSchemas, setupMonaco } from "./monaco-setup";
import { crdJsonSchema, schemaFileSuffix, type CrdDocument } from "./crd-json-schema";

/** One problem in the text, from the schema (while typing) or from the server (on submit). */
export interface EditorMarker {
  line: number;
  column: number;
  message: string;
  source: "schema" | "server";
}

export interface LoggingYamlEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Flow, Output, ClusterFlow or ClusterOutput: picks the CRD schema. */
  kind: string;
  /** Distinguishes models of the same kind (an object's name, or "new"). */
  modelName: string;
  label: string;
  readOnly?: boolean;
  height?: string;
  /** The server's errors for the current text; shown as markers at their line and column. */
  serverIssues: { line: number | null; column: number | null; message: string }[];
  onMarkers?: (markers: EditorMarker[]) => void;
}

const SERVER_OWNER = "facet-server";

setupMonaco();

// The four schemas are large; they load with the editor, once.
let schemasLoading: Promise<SchemasSettings[]> | null = null;
function loadLoggingSchemas(): Promise<SchemasSettings[]> {
  schemasLoading ??= Promise.all([
    import("@/lib/logging/crds/flows.json"),
    import("@/lib/logging/crds/outputs.json"),
    import("@/lib/logging/crds/clusterflows.json"),
    import("@/lib/logging/crds/clusteroutputs.json"),
  ]).then((docs) =>
    docs.map((d) => {
      const crd = ((d as { default?: CrdDocument }).default ?? d) as CrdDocument;
      return {
        uri: `inmemory://facet/schemas/logging/${crd.kind.toLowerCase()}.json`,
        fileMatch: [`*${schemaFileSuffix(crd.kind)}`],
        schema: crdJsonSchema(crd) as SchemasSettings["schema"],
      };
    }),
  );
  return schemasLoading;
}

export default function LoggingYamlEditorImpl({
  value,
  onChange,
  kind,
  modelName,
  label,
  readOnly,
  height = "480px",
  serverIssues,
  onMarkers,
}: LoggingYamlEditorProps) {
  const { resolvedTheme } = useTheme();
  const [ready, setReady] = useState(false);
  const monacoRef = useRef<Monaco | null>(null);
  const editorRef = useRef<editor.IStandaloneCodeEditor | null>(null);
  const path = `${encodeURIComponent(modelName)}${schemaFileSuffix(kind)}`;

  useEffect(() => {
    let live = true;
    // Applied on every mount: another editor on the way here may have set its own schemas.
    void loadLoggingSchemas().then((schemas) => {
      if (!live) return;
      applyYamlSchemas(schemas);
      setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);

  // Server errors as markers of their own owner, so typing (schema markers) does not erase them.
  useEffect(() => {
    const monaco = monacoRef.current;
    const model = editorRef.current?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      SERVER_OWNER,
      serverIssues.map((issue) => {
        const line = Math.min(Math.max(issue.line ?? 1, 1), model.getLineCount());
        const column = Math.max(issue.column ?? 1, 1);
        return {
          severity: monaco.MarkerSeverity.Error,
          message: issue.message,
          startLineNumber: line,
          startColumn: column,
          endLineNumber: line,
          endColumn: Math.max(model.getLineMaxColumn(line), column + 1),
          source: "Facet",
        };
      }),
    );
  }, [serverIssues, ready]);

  if (!ready) return <div className="animate-pulse rounded-md border bg-muted" style={{ height }} aria-busy="true" />;
  return (
    <div role="group" aria-label={label} className="overflow-hidden rounded-md border">
      <Editor
        height={height}
        language="yaml"
        path={path}
        value={value}
        theme={resolvedTheme === "dark" ? "vs-dark" : "vs"}
        onChange={(v) => onChange(v ?? "")}
        onMount={(ed, monaco) => {
          editorRef.current = ed;
          monacoRef.current = monaco;
        }}
        onValidate={(markers) =>
          onMarkers?.(
            markers
              .map((m) => ({
                line: m.startLineNumber,
                column: m.startColumn,
                message: m.message,
                source: m.owner === SERVER_OWNER ? ("server" as const) : ("schema" as const),
              }))
              .sort((a, b) => a.line - b.line || a.column - b.column),
          )
        }
        // Completion from the schema as one types; Enter still means a new line.
        options={{
          ...baseEditorOptions(label, readOnly),
          wordBasedSuggestions: "off",
          acceptSuggestionOnEnter: "off",
          quickSuggestions: { other: true, comments: false, strings: true },
        }}
      />
    </div>
  );
}
