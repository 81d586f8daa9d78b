import "server-only";
import { ApiException, type KubernetesObject } from "@kubernetes/client-node";
import type { ClusterClient } from "@/lib/clusters/client";
import { onCluster, upstreamError } from "@/lib/clusters/upstream-error";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { AppError } from "@/lib/errors";
import { fieldSegments, statusCauses } from "@/lib/logging/submit";
import { issueAt, parseYamlSource, type ParsedYaml, type YamlIssue } from "@/lib/logging/yaml-source";
import { diffYaml, header } from "./editable-object";
import { assertPodSecurity } from "./pod-security-check";
import { CHANGED_VALUE, EDITABLE, HIDDEN_VALUE, type EditableResource } from "./resources";

// The YAML pipeline of every object edit and create, in the order the logging editor uses:
// bounded parse → kind and identity → pod security → live object (conflicts) → the cluster's
// own dry run → a diff against live. Nothing is written here; the caller applies.

export interface ObjectTarget {
  client: ClusterClient;
  namespace: string;
  cluster: string;
}

export interface ObjectSubmission {
  resource: EditableResource;
  yaml: string;
  /** create: the object must not exist; update: it must, at the resourceVersion in the YAML. */
  mode: "create" | "update";
  /** The name in the URL (update only). */
  name?: string;
}

export interface Diff {
  before: string;
  after: string;
}

export interface CheckedObject {
  object: KubernetesObject;
  live: KubernetesObject | null;
  diff: Diff;
  /** The submitted YAML, for locating later problems by line. */
  parsed: ParsedYaml;
}

/** 422 naming the YAML field and line of each problem. */
export function invalid(issues: YamlIssue[]): AppError {
  const at = (i: YamlIssue) => (i.line ? `line ${i.line}: ` : "") + (i.path ? `${i.path}: ` : "");
  const first = issues[0];
  return new AppError(
    "VALIDATION",
    `The object cannot be saved: ${at(first)}${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}.`,
    {
      errors: issues.map((i) => ({
        path: "body.yaml",
        message: `${at(i)}${i.message}`,
        line: i.line,
        column: i.column,
      })),
    },
  );
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

function identityIssues(s: ObjectSubmission, o: KubernetesObject, namespace: string, p: ParsedYaml): YamlIssue[] {
  const expected = EDITABLE[s.resource];
  const issues: YamlIssue[] = [];
  if (o.kind !== expected.kind) issues.push(issueAt(p, ["kind"], `kind must be ${expected.kind}`));
  if (o.apiVersion !== expected.apiVersion)
    issues.push(issueAt(p, ["apiVersion"], `apiVersion must be ${expected.apiVersion}`));
  const name = o.metadata?.name;
  if (s.mode === "update" && name !== s.name)
    issues.push(issueAt(p, ["metadata", "name"], `metadata.name must stay ${s.name}`));
  if (s.mode === "create" && (typeof name !== "string" || name.length > 253 || !DNS_SUBDOMAIN.test(name)))
    issues.push(issueAt(p, ["metadata", "name"], "metadata.name must be a DNS subdomain (lower case, at most 253)"));
  if ((o.metadata?.namespace ?? namespace) !== namespace)
    issues.push(issueAt(p, ["metadata", "namespace"], `metadata.namespace must be ${namespace} (or left out)`));
  if (s.mode === "update" && !o.metadata?.resourceVersion)
    issues.push(
      issueAt(p, ["metadata"], "metadata.resourceVersion is needed so that a stale edit is refused", { key: true }),
    );
  return issues;
}

async function readLive(t: ObjectTarget, s: ObjectSubmission, name: string): Promise<KubernetesObject | null> {
  try {
    return await t.client.objects.read(header(s.resource, name, t.namespace));
  } catch (error) {
    if (error instanceof ApiException && error.code === 404) return null;
    throw upstreamError(t.cluster, error);
  }
}

/** Masked values sent back keep the live ones; a masked value with nothing behind it is refused. */
function restoreSecretValues(o: KubernetesObject, live: KubernetesObject | null, p: ParsedYaml): YamlIssue[] {
  const data = (o as { data?: Record<string, unknown> }).data;
  if (o.kind !== "Secret" || !data) return [];
  const liveData = ((live as { data?: Record<string, string> } | null)?.data ?? {}) as Record<string, string>;
  const issues: YamlIssue[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (value !== HIDDEN_VALUE && value !== CHANGED_VALUE) continue;
    if (key in liveData) data[key] = liveData[key];
    else
      issues.push(issueAt(p, ["data", key], "has no stored value to keep: give the value (base64) or use stringData"));
  }
  return issues;
}

async function dryRun(t: ObjectTarget, o: KubernetesObject, replace: boolean, p: ParsedYaml) {
  try {
    return replace
      ? await t.client.objects.replace(o, undefined, "All")
      : await t.client.objects.create(o, undefined, "All");
  } catch (error) {
    if (error instanceof ApiException && (error.code === 422 || error.code === 400)) {
      const causes = statusCauses(error);
      throw invalid(
        causes.length
          ? causes.map((c) =>
              issueAt(p, fieldSegments(c.field ?? ""), `the cluster refused it: ${c.message ?? c.reason ?? "invalid"}`),
            )
          : [issueAt(p, [], upstreamError(t.cluster, error).message)],
      );
    }
    throw upstreamError(t.cluster, error);
  }
}

/** Runs every check; throws VALIDATION (422), CONFLICT (409, with the new diff) or NOT_FOUND, or answers the diff. */
export async function checkObjectSubmission(
  ctx: EnvironmentCtx,
  t: ObjectTarget,
  s: ObjectSubmission,
): Promise<CheckedObject> {
  const parsed = parseYamlSource(s.yaml);
  if (!parsed.ok) throw invalid(parsed.issues);
  const p = parsed.parsed;
  if (!p.value || typeof p.value !== "object" || Array.isArray(p.value))
    throw invalid([issueAt(p, [], "the YAML must be one Kubernetes object (a mapping)")]);
  const object = p.value as KubernetesObject;
  const identity = identityIssues(s, object, t.namespace, p);
  if (identity.length) throw invalid(identity);
  const name = object.metadata!.name!;
  object.metadata!.namespace = t.namespace;
  // Bookkeeping pasted back from `kubectl get -o yaml` is the server's, not the caller's.
  delete (object as { status?: unknown }).status;
  for (const key of ["uid", "creationTimestamp", "managedFields", "generation", "selfLink"] as const)
    delete object.metadata![key];
  if (s.mode === "create") delete object.metadata!.resourceVersion;
  await assertPodSecurity(ctx, object);

  const live = await readLive(t, s, name);
  const pending = () => ({ before: diffYaml(live, live), after: diffYaml(object, live) });
  if (s.mode === "create" && live)
    throw new AppError("CONFLICT", `A ${object.kind} named '${name}' already exists; edit it instead.`, {
      details: { diff: pending() },
    });
  if (s.mode === "update" && !live) throw new AppError("NOT_FOUND", `The ${object.kind} '${name}' does not exist.`);
  // A stale edit is never a silent overwrite: the caller sees what changed meanwhile.
  if (live && object.metadata!.resourceVersion !== live.metadata?.resourceVersion)
    throw new AppError(
      "CONFLICT",
      `The ${object.kind} '${name}' changed since you opened it (now at version ${live.metadata?.resourceVersion}); review the new diff and save again.`,
      { details: { resourceVersion: live.metadata?.resourceVersion, diff: pending() } },
    );
  const restored = restoreSecretValues(object, live, p);
  if (restored.length) throw invalid(restored);

  const dry = await dryRun(t, object, Boolean(live), p);
  return { object, live, diff: { before: diffYaml(live, live), after: diffYaml(dry, live) }, parsed: p };
}

/** The real write, after checkObjectSubmission passed. */
export const applyObject = (t: ObjectTarget, checked: CheckedObject) =>
  onCluster(t.cluster, () =>
    checked.live ? t.client.objects.replace(checked.object) : t.client.objects.create(checked.object),
  );
