import type { Executor } from "@/lib/db/client";
import {
  enforcedLevel,
  podSpecOf,
  podSpecViolations,
  POD_SECURITY_LEVELS,
  PSA_LABEL,
  violationMessage,
  type PodSecurityLevel,
} from "@/lib/pod-security";
import { NAMESPACES, PODS } from "../builtin-resources";
import { K8sError } from "../k8s-error";
import type { K8sObject } from "../types";
import { readObject } from "../store/read";
import type { Writer } from "../store/writer";

/** PodSecurity admission as kube-apiserver runs it: the namespace's enforce label decides, an
 *  unlabelled namespace is privileged, and a violating pod is refused with 403. */
export async function admitPodSecurity(w: Writer, pod: K8sObject): Promise<void> {
  const namespace = await w.get(NAMESPACES, "", pod.metadata.namespace!);
  const level = enforcedLevel(namespace?.metadata.labels as Record<string, string> | undefined);
  const violations = podSpecViolations(level, pod.spec, pod.metadata.annotations);
  if (!violations.length) return;
  const name = pod.metadata.name ?? pod.metadata.generateName ?? "";
  throw new K8sError(
    403,
    "Forbidden",
    `${PODS.resource} "${name}" is forbidden: ${violationMessage(level, violations)}`,
    { name, kind: PODS.resource },
  );
}

/** kube-apiserver does not refuse workloads whose pod template breaks the level (their pods are
 *  refused later); it answers with a warning, at the warn level where one is set. */
export async function podTemplateWarnings(db: Executor, object: K8sObject): Promise<string[]> {
  const pod = podSpecOf(object);
  if (!pod?.template) return [];
  const namespace = await readObject(db, NAMESPACES, "", object.metadata.namespace ?? "");
  const labels = namespace?.metadata.labels as Record<string, string> | undefined;
  const warn = labels?.[`${PSA_LABEL}/warn`];
  const level =
    warn && (POD_SECURITY_LEVELS as readonly string[]).includes(warn)
      ? (warn as PodSecurityLevel)
      : enforcedLevel(labels);
  const violations = podSpecViolations(level, pod.spec, pod.annotations);
  return violations.length ? [`would ${violationMessage(level, violations).replace(/^violates/, "violate")}`] : [];
}
