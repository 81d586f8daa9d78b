import "server-only";
import { isDeepStrictEqual as deepEqual } from "node:util";
import type { KubernetesObject } from "@kubernetes/client-node";
import { LABEL, MANAGED_BY } from "@/lib/clusters/reconcile/labels";
import type { ApplicationRow } from "@/lib/db/schema";
import { issueAt, type ParsedYaml, type YamlIssue } from "@/lib/logging/yaml-source";
import type { UpdateApplicationInput } from "@/lib/tenancy/schemas";

// What Facet owns in the Deployment of an application, and what an edit of that Deployment's YAML
// means for it. The reconciler merge-patches replicas, the selector, its labels and the whole
// container list back to the application's rendering, so an edit there is either a change of
// the application (replicas, image, ports, env, resources: saved on the application) or refused
// with the field named. Everything else (annotations, tolerations, volumes…) is the user's.

type Obj = Record<string, unknown>;
const get = (o: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((at, k) => (at && typeof at === "object" ? (at as Obj)[k as string] : undefined), o);

/** The application a live Deployment belongs to, when Facet manages it as one. */
export function managingApplication(live: KubernetesObject | null): string | null {
  if (live?.kind !== "Deployment") return null;
  const labels = live.metadata?.labels ?? {};
  const [key, value] = Object.entries(MANAGED_BY)[0];
  return labels[key] === value ? (labels[LABEL.application] ?? null) : null;
}

export interface ManagedEdit {
  changes: UpdateApplicationInput;
  issues: YamlIssue[];
}

/** Container fields the application carries; the rest of its container is Facet's too. */
const APP_FIELDS = new Set(["image", "ports", "env", "resources"]);

export function managedEdit(
  object: KubernetesObject,
  live: KubernetesObject,
  app: ApplicationRow,
  injected: Set<string>,
  parsed: ParsedYaml,
): ManagedEdit {
  // Compared as JSON: the client's typed objects carry undefined members the YAML does not.
  object = JSON.parse(JSON.stringify(object));
  live = JSON.parse(JSON.stringify(live));
  const issues: YamlIssue[] = [];
  const changes: UpdateApplicationInput = {};
  const owned = (path: (string | number)[], what: string) =>
    issues.push(
      issueAt(parsed, path, `${what} is Facet's for application ${app.name}; it would be put back at the next sync`, {
        key: true,
      }),
    );

  const replicas = get(object, "spec", "replicas");
  if (!deepEqual(replicas, get(live, "spec", "replicas"))) {
    if (typeof replicas === "number" && Number.isInteger(replicas) && replicas >= 0 && replicas <= 100)
      changes.replicas = replicas;
    else issues.push(issueAt(parsed, ["spec", "replicas"], "replicas must be a whole number from 0 to 100"));
  }
  if (!deepEqual(get(object, "spec", "selector"), get(live, "spec", "selector")))
    owned(["spec", "selector"], "the selector");
  for (const at of [
    ["metadata", "labels"],
    ["spec", "template", "metadata", "labels"],
  ] as const) {
    const mine = (get(live, ...at) ?? {}) as Record<string, string>;
    const theirs = (get(object, ...at) ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(mine))
      if ((key === LABEL.application || key.startsWith("facet.dev/") || key in MANAGED_BY) && theirs[key] !== mine[key])
        owned([...at, key], `the label ${key}`);
  }

  const liveContainers = (get(live, "spec", "template", "spec", "containers") ?? []) as Obj[];
  const containers = (get(object, "spec", "template", "spec", "containers") ?? []) as Obj[];
  const path = (i: number, ...rest: string[]) => ["spec", "template", "spec", "containers", i, ...rest];
  const names = (list: Obj[]) => list.map((c) => String(c.name));
  if (!deepEqual(names(containers), names(liveContainers))) {
    owned(["spec", "template", "spec", "containers"], "the list of containers");
    return { changes, issues };
  }
  containers.forEach((c, i) => {
    const before = liveContainers[i];
    for (const key of new Set([...Object.keys(c), ...Object.keys(before)])) {
      if (deepEqual(c[key], before[key])) continue;
      if (c.name !== app.name || !APP_FIELDS.has(key)) {
        owned(path(i, key), `${key} of container ${String(c.name)}`);
        continue;
      }
      if (key === "image") changes.image = String(c.image ?? "");
      if (key === "resources") changes.resources = (c.resources ?? {}) as UpdateApplicationInput["resources"];
      if (key === "ports") {
        const ports = (Array.isArray(c.ports) ? c.ports : []) as Obj[];
        ports.forEach((p, j) => {
          if (typeof p.name !== "string" || !p.name)
            issues.push(issueAt(parsed, path(i, "ports", String(j)), "each port needs a name for the application"));
        });
        changes.ports = ports.map((p) => ({ name: String(p.name ?? ""), port: Number(p.containerPort) }));
      }
      if (key === "env") {
        const env = (Array.isArray(c.env) ? c.env : []) as Obj[];
        const was = new Map(((before.env ?? []) as Obj[]).map((e) => [String(e.name), e]));
        const own: { name: string; value: string }[] = [];
        env.forEach((e, j) => {
          const name = String(e.name ?? "");
          if (injected.has(name)) {
            if (!deepEqual(e, was.get(name)))
              issues.push(issueAt(parsed, path(i, "env", String(j)), `${name} is set by telemetry injection`));
            return;
          }
          if (e.valueFrom !== undefined || typeof (e.value ?? "") !== "string")
            issues.push(
              issueAt(parsed, path(i, "env", String(j)), "the application's variables take a literal value only"),
            );
          own.push({ name, value: String(e.value ?? "") });
        });
        for (const name of injected)
          if (was.has(name) && !env.some((e) => e.name === name))
            issues.push(issueAt(parsed, path(i, "env"), `${name} is set by telemetry injection`));
        changes.env = own;
      }
    }
  });
  return { changes, issues };
}
