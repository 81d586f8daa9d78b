// Safe to import from client components: the logging API of the contract (paths, shapes,
// react-query keys). Reads go through getJson, writes through sendJson.
import { apiPath, type EnvironmentNames } from "@/lib/console/paths";
import { getJson } from "@/lib/query/get-json";
import {
  APPLICATION_LABELS,
  OUTPUT_TYPES,
  type Diff,
  type FlowForm as SchemaFlowForm,
  type FlowItem,
  type FlowList,
  type OutputItem,
  type OutputList,
} from "@/lib/logging/schemas";
import { sendJson } from "@/lib/query/send-json";

// Response shapes and the label and output type lists are the server's own, so they cannot
// drift; schemas.ts is client-safe (zod only, no server-only import).
export type { Diff, FlowItem, FlowList, OutputItem, OutputList };

export type FlowKind = FlowItem["kind"];
export type OutputKind = OutputItem["kind"];
export type LoggingKind = FlowKind | OutputKind;

export const LABEL_KEYS = APPLICATION_LABELS;
export type LabelKey = (typeof LABEL_KEYS)[number];

export { OUTPUT_TYPES };
export type OutputType = (typeof OUTPUT_TYPES)[number];

/** What the Flow form sends: the server's FlowForm after its defaults are filled in. */
export type FlowForm = SchemaFlowForm;

export interface OutputForm {
  name: string;
  type: OutputType;
  settings: Record<string, string | number>;
  secrets?: Record<string, string>;
}

/** One error of a refused YAML, at its place in the submitted text (1-based). */
export interface YamlIssue {
  path: string;
  line: number | null;
  column: number | null;
  message: string;
}

/** Where a logging object lives: an environment (Flow, Output) or a cluster (the Cluster kinds). */
export type LoggingScope = { level: "environment"; names: EnvironmentNames } | { level: "cluster"; cluster: string };

const seg = encodeURIComponent;

const COLLECTION: Record<LoggingKind, string> = {
  Flow: "flows",
  Output: "outputs",
  ClusterFlow: "cluster-flows",
  ClusterOutput: "cluster-outputs",
};

const base = (scope: LoggingScope) =>
  scope.level === "environment"
    ? `${apiPath.environment(scope.names)}/logging`
    : `${apiPath.cluster(scope.cluster)}/logging`;

export const loggingApi = {
  collection: (scope: LoggingScope, kind: LoggingKind) => `${base(scope)}/${COLLECTION[kind]}`,
  item: (scope: LoggingScope, kind: LoggingKind, name: string) => `${base(scope)}/${COLLECTION[kind]}/${seg(name)}`,
  validate: (names: EnvironmentNames) => `${apiPath.environment(names)}/logging/validate`,
  collectAll: (names: EnvironmentNames) => `${apiPath.environment(names)}/logging/collect-all`,
};

const scopeKey = (scope: LoggingScope) =>
  scope.level === "environment"
    ? (["t", scope.names.tenant, "p", scope.names.project, "e", scope.names.environment] as const)
    : (["c", scope.cluster] as const);

/** Keys start with the scope, so one invalidation by prefix refreshes a whole Logging view. */
export const loggingKeys = {
  all: (scope: LoggingScope) => [...scopeKey(scope), "logging"] as const,
  list: (scope: LoggingScope, kind: LoggingKind) => [...scopeKey(scope), "logging", kind] as const,
  item: (scope: LoggingScope, kind: LoggingKind, name: string) => [...scopeKey(scope), "logging", kind, name] as const,
};

export const fetchFlows = (scope: LoggingScope, kind: FlowKind = "Flow") =>
  getJson<FlowList>(loggingApi.collection(scope, kind));
export const fetchOutputs = (scope: LoggingScope, kind: OutputKind = "Output") =>
  getJson<OutputList>(loggingApi.collection(scope, kind));
export const fetchItem = (scope: LoggingScope, kind: LoggingKind, name: string) =>
  getJson<FlowItem | OutputItem>(loggingApi.item(scope, kind, name));

export type Saved<I> = { item: I; diff: Diff };

export const saveYaml = (
  scope: LoggingScope,
  kind: LoggingKind,
  yaml: string,
  existing?: { name: string; resourceVersion: string },
) =>
  existing
    ? sendJson<Saved<FlowItem | OutputItem>>("PUT", loggingApi.item(scope, kind, existing.name), {
        yaml,
        resourceVersion: existing.resourceVersion,
      })
    : sendJson<Saved<FlowItem | OutputItem>>("POST", loggingApi.collection(scope, kind), { yaml });

export const validateYaml = (names: EnvironmentNames, yaml: string) =>
  sendJson<{ valid: true; diff: Diff }>("POST", loggingApi.validate(names), { yaml });

export const saveFlowForm = (names: EnvironmentNames, form: FlowForm, existing?: { resourceVersion: string }) =>
  existing
    ? sendJson<Saved<FlowItem>>("PUT", loggingApi.item({ level: "environment", names }, "Flow", form.name), {
        ...form,
        resourceVersion: existing.resourceVersion,
      })
    : sendJson<Saved<FlowItem>>("POST", loggingApi.collection({ level: "environment", names }, "Flow"), form);

export const saveOutputForm = (names: EnvironmentNames, form: OutputForm, existing?: { resourceVersion: string }) =>
  existing
    ? sendJson<Saved<OutputItem>>("PUT", loggingApi.item({ level: "environment", names }, "Output", form.name), {
        ...form,
        resourceVersion: existing.resourceVersion,
      })
    : sendJson<Saved<OutputItem>>("POST", loggingApi.collection({ level: "environment", names }, "Output"), form);

export const deleteItem = (scope: LoggingScope, kind: LoggingKind, name: string) =>
  sendJson<void>("DELETE", loggingApi.item(scope, kind, name));

export const setCollectAll = (names: EnvironmentNames, enabled: boolean) =>
  sendJson<{ enabled: boolean; flow: FlowItem | null }>("PUT", loggingApi.collectAll(names), { enabled });

/** The YAML issues of a refused submit, if the server sent any. */
export function yamlIssues(problem: unknown): YamlIssue[] {
  const errors = (problem as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((e: Partial<YamlIssue>) => ({
    path: String(e.path ?? ""),
    line: typeof e.line === "number" ? e.line : null,
    column: typeof e.column === "number" ? e.column : null,
    message: String(e.message ?? ""),
  }));
}

/** A stale edit's 409 carries the live object's diff. */
export function staleDiff(problem: unknown): Diff | null {
  const diff = (problem as { diff?: Partial<Diff> } | null)?.diff;
  return diff && typeof diff.before === "string" && typeof diff.after === "string"
    ? { before: diff.before, after: diff.after }
    : null;
}
