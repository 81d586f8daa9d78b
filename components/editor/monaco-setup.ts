"use client";

// Monaco from the bundle, never from a CDN (@monaco-editor/react's default), with its workers
// built by Turbopack. Imported only by editor components that are loaded lazily.
import * as monaco from "monaco-editor";
import { loader } from "@monaco-editor/react";
import { configureMonacoYaml, type SchemasSettings } from "monaco-yaml";

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(id: string, label: string): Worker };
  }
}

let ready = false;

export function setupMonaco(): typeof monaco {
  if (ready) return monaco;
  window.MonacoEnvironment = {
    getWorker(_id: string, label: string) {
      if (label === "yaml")
        return new Worker(new URL("monaco-yaml/yaml.worker.js", import.meta.url), { type: "module" });
      if (label === "json")
        return new Worker(new URL("monaco-editor/esm/vs/language/json/json.worker.js", import.meta.url), {
          type: "module",
        });
      return new Worker(new URL("monaco-editor/esm/vs/editor/editor.worker.js", import.meta.url), { type: "module" });
    },
  };
  loader.config({ monaco });
  ready = true;
  return monaco;
}

let yamlSchemas: SchemasSettings[] = [];
let yamlConfigured: ReturnType<typeof configureMonacoYaml> | null = null;

/** YAML validation in the worker; schemas are inline (no schema downloads). */
export function applyYamlSchemas(schemas: SchemasSettings[]): void {
  const m = setupMonaco();
  const same = JSON.stringify(schemas.map((s) => s.uri)) === JSON.stringify(yamlSchemas.map((s) => s.uri));
  if (yamlConfigured && same) return;
  yamlSchemas = schemas;
  if (yamlConfigured) yamlConfigured.update({ schemas, enableSchemaRequest: false, validate: true });
  else yamlConfigured = configureMonacoYaml(m, { enableSchemaRequest: false, validate: true, schemas });
}
