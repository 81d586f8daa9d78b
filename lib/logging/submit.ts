import "server-only";
import { ApiException } from "@kubernetes/client-node";
import { stringify } from "yaml";
import { AppError } from "@/lib/errors";
import { upstreamError } from "@/lib/clusters/upstream-error";
import { listLoggingObjects, rawWriteLoggingObject, readLoggingObject, type LoggingObject } from "./cluster-objects";
import { APPLICATION_LABEL_KEYS, COLLECT_ALL_FLOW, CONTROL_NAMESPACE, isFlowKind, type LoggingKind } from "./constants";
import { schemaIssues } from "./crd-schemas";
import { editableCopy, yamlOf } from "./items";
import { applicationsOf, kindIssue, ruleIssues } from "./rules";
import type { Diff } from "./schemas";
import { refusalForHost } from "@/lib/net/egress";
import { controlTarget, facetPushUrl, type LoggingTarget } from "./target";
import { issueAt, parseYamlSource, type ParsedYaml, type PathSegment, type YamlIssue } from "./yaml-source";

// The submit pipeline of issue 13, in order: YAML parse (bounded) → CRD schema → rules the
// schema cannot say → references on the cluster → server-side dry run → diff against live.
// Nothing reaches the cluster for real until every step passed; the caller then applies.

export type Source = { yaml: string } | { object: LoggingObject };

export interface Submission {
  target: LoggingTarget;
  /** Kinds accepted here (the flows route: Flow; validate: Flow or Output). */
  kinds: readonly LoggingKind[];
  source: Source;
  /** create: the object must not exist; update: it must (name from the URL); either: validate. */
  mode: "create" | "update" | "either";
  name?: string;
  resourceVersion?: string;
}

export interface Checked {
  kind: LoggingKind;
  object: LoggingObject;
  live: LoggingObject | null;
  diff: Diff;
}

export function validationFailed(issues: YamlIssue[]): AppError {
  const first = issues[0];
  const where = first?.line
    ? ` (line ${first.line}${first.path ? `, ${first.path}` : ""})`
    : first?.path
      ? ` (${first.path})`
      : "";
  return new AppError(
    "VALIDATION",
    `The object is not valid${where}: ${first?.message ?? "unknown problem"}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}.`,
    { errors: issues },
  );
}

/** Runs every check; throws VALIDATION (422), CONFLICT (409) or NOT_FOUND, or answers the diff. */
export async function checkSubmission(s: Submission): Promise<Checked> {
  let parsed: ParsedYaml | null = null;
  let value: unknown;
  if ("yaml" in s.source) {
    const result = parseYamlSource(s.source.yaml);
    if (!result.ok) throw validationFailed(result.issues);
    parsed = result.parsed;
    value = parsed.value;
  } else value = s.source.object;

  const wrongKind = kindIssue(value, { kinds: s.kinds, namespace: s.target.namespace }, parsed);
  if (wrongKind) throw validationFailed([wrongKind]);
  const object = value as LoggingObject;
  const kind = (object as { kind: LoggingKind }).kind;

  const schema = schemaIssues(kind, value);
  if (schema.length) throw validationFailed(schema.map((i) => issueAt(parsed, i.segments, i.message, { key: i.key })));

  const name = s.mode === "update" ? s.name : undefined;
  const rules = ruleIssues(
    kind,
    object as unknown as Record<string, unknown>,
    { kinds: s.kinds, namespace: s.target.namespace, name },
    parsed,
  );
  if (rules.length) throw validationFailed(rules);

  object.metadata.namespace = s.target.namespace;
  // Operator and server bookkeeping pasted back from `kubectl get -o yaml` is not the caller's to set.
  delete object.status;
  for (const key of ["uid", "creationTimestamp", "managedFields", "generation", "selfLink"])
    delete object.metadata[key];
  if (isFlowKind(kind)) {
    const refs = await referenceIssues(s.target, object, parsed);
    if (refs.length) throw validationFailed(refs);
  } else if (s.target.cluster.kind === "sandbox") {
    const refused = await egressIssues(s.target, object, parsed);
    if (refused.length) throw validationFailed(refused);
  }

  const live = await readLoggingObject(s.target, kind, object.metadata.name);
  if (s.mode === "create" && live)
    throw new AppError("CONFLICT", `A ${kind} named '${object.metadata.name}' already exists; edit it instead.`, {
      details: { diff: { before: yamlOf(live), after: stringify(editableCopy(object)) } },
    });
  if (s.mode === "update" && !live) throw new AppError("NOT_FOUND", `The ${kind} '${s.name}' does not exist.`);

  // Stale edit: the object changed since the caller read it. Never a silent overwrite.
  const expected = s.resourceVersion ?? object.metadata.resourceVersion;
  if (live && expected && expected !== live.metadata.resourceVersion)
    throw new AppError(
      "CONFLICT",
      `The ${kind} '${object.metadata.name}' changed since you opened it (now at version ${live.metadata.resourceVersion}); review the new diff and submit again.`,
      {
        details: {
          resourceVersion: live.metadata.resourceVersion,
          diff: { before: yamlOf(live), after: stringify(editableCopy(object)) },
        },
      },
    );
  if (live) object.metadata.resourceVersion = live.metadata.resourceVersion;
  else delete object.metadata.resourceVersion;

  if (kind === "Flow" && object.metadata.name !== COLLECT_ALL_FLOW) await assertNotCollectedElsewhere(s.target, object);

  const dry = await dryRun(s.target, kind, object, Boolean(live), parsed);
  return { kind, object, live, diff: { before: yamlOf(live), after: yamlOf(dry) } };
}

/** Local outputs exist in the namespace; global ones as ClusterOutputs in the control namespace. */
async function referenceIssues(
  t: LoggingTarget,
  object: LoggingObject,
  parsed: ParsedYaml | null,
): Promise<YamlIssue[]> {
  const spec = (object.spec ?? {}) as Record<string, unknown>;
  const issues: YamlIssue[] = [];
  const check = async (field: string, kind: LoggingKind, where: LoggingTarget, namespace: string) => {
    const refs = Array.isArray(spec[field]) ? (spec[field] as unknown[]) : [];
    if (!refs.length) return;
    const existing = new Set((await listLoggingObjects(where, kind))?.map((o) => o.metadata.name) ?? []);
    refs.forEach((ref, i) => {
      if (typeof ref === "string" && !existing.has(ref))
        issues.push(issueAt(parsed, ["spec", field, i], `there is no ${kind} '${ref}' in namespace ${namespace}`));
    });
  };
  if (object.kind === "Flow") await check("localOutputRefs", "Output", t, t.namespace);
  await check("globalOutputRefs", "ClusterOutput", controlTarget(t.cluster), CONTROL_NAMESPACE);
  return issues;
}

const SENDING_URLS: [string, string][] = [
  ["loki", "url"],
  ["http", "endpoint"],
];

/**
 * The sandbox's outputs are sent from this process: their addresses pass the egress policy
 * here, at their line (and again when sending). Facet's own push URL is Facet itself.
 * A host that does not resolve now is left to the send-time check.
 */
async function egressIssues(t: LoggingTarget, object: LoggingObject, parsed: ParsedYaml | null): Promise<YamlIssue[]> {
  const spec = (object.spec ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const issues: YamlIssue[] = [];
  for (const [plugin, field] of SENDING_URLS) {
    const raw = spec[plugin]?.[field];
    if (typeof raw !== "string" || raw === facetPushUrl(t.cluster)) continue;
    let host: string;
    try {
      host = new URL(raw).hostname.replace(/^\[|\]$/g, "");
    } catch {
      issues.push(issueAt(parsed, ["spec", plugin, field], "must be an http(s) URL"));
      continue;
    }
    const refusal = await refusalForHost(host, { allowPrivate: t.cluster.egressPrivateAllowed }).catch(() => null);
    if (refusal) issues.push(issueAt(parsed, ["spec", plugin, field], `this address is not allowed: ${refusal}`));
  }
  return issues;
}

/** An application is collected by one application Flow at most; the collect-all Flow does not count. */
async function assertNotCollectedElsewhere(t: LoggingTarget, object: LoggingObject): Promise<void> {
  const mine = new Set(applicationsOf(object.spec ?? {}, APPLICATION_LABEL_KEYS));
  if (!mine.size) return;
  for (const other of (await listLoggingObjects(t, "Flow")) ?? []) {
    const name = other.metadata.name;
    if (name === object.metadata.name || name === COLLECT_ALL_FLOW) continue;
    const shared = applicationsOf(other.spec ?? {}, APPLICATION_LABEL_KEYS).filter((a) => mine.has(a));
    if (shared.length)
      throw new AppError(
        "CONFLICT",
        `The Flow '${name}' already collects ${shared.map((a) => `'${a}'`).join(", ")}; edit that Flow or remove the application from it first.`,
        { details: { flow: name, applications: shared } },
      );
  }
}

/** `spec.match[0].select` → ["spec", "match", 0, "select"]. */
export function fieldSegments(field: string): PathSegment[] {
  return field
    .split(/\.|\[(\d+)\]/)
    .filter((s) => s !== undefined && s !== "")
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The cluster's own check, storing nothing; its refusals keep their field and line. */
async function dryRun(
  t: LoggingTarget,
  kind: LoggingKind,
  object: LoggingObject,
  replace: boolean,
  parsed: ParsedYaml | null,
): Promise<LoggingObject> {
  try {
    return await rawWriteLoggingObject(t, kind, object, { replace, dryRun: true });
  } catch (error) {
    if (error instanceof ApiException && (error.code === 422 || error.code === 400)) {
      const causes = statusCauses(error);
      const issues = causes.length
        ? causes.map((c) =>
            issueAt(
              parsed,
              fieldSegments(c.field ?? ""),
              `the cluster refused it: ${c.message ?? c.reason ?? "invalid"}`,
            ),
          )
        : [issueAt(parsed, [], upstreamError(t.cluster.name, error).message)];
      throw validationFailed(issues);
    }
    throw upstreamError(t.cluster.name, error);
  }
}

export function statusCauses(error: unknown): { field?: string; message?: string; reason?: string }[] {
  if (!(error instanceof ApiException)) return [];
  try {
    const body = typeof error.body === "string" ? JSON.parse(error.body) : error.body;
    return Array.isArray(body?.details?.causes) ? body.details.causes : [];
  } catch {
    return [];
  }
}
