import type { editor } from "monaco-editor";

/** What every code editor in the console shares; each adds its own suggestion behaviour. */
export const baseEditorOptions = (label: string, readOnly?: boolean): editor.IStandaloneEditorConstructionOptions => ({
  readOnly,
  minimap: { enabled: false },
  fontSize: 13,
  scrollBeyondLastLine: false,
  ariaLabel: label,
  tabSize: 2,
  automaticLayout: true,
});
