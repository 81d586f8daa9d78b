import { enforcedLevel, podSpecViolations, violationMessage } from "@/lib/pod-security";
import { NAMESPACES, PODS } from "../builtin-resources";
import { K8sError } from "../k8s-error";
import type { K8sObject } from "../types";
import type { Writer } from "../store/writer";

/** PodSecurity admission as kube-apiserver runs it: the namespace's enforce label decides, an
 *  unlabelled namespace is privileged, and a violating pod is refused with 403. */
export async function admitPodSecurity(w: Writer, pod: K8sObject): Promise<void> {
  const namespace = await w.get(NAMESPACES, "", pod.metadata.namespace!);
  const level = enforcedLevel(namespace?.metadata.labels as Record<string, string> | undefined);
  const violations = podSpecViolations(level, pod.spec, pod.metadata.annotations);
  if (!violations.length) return;
  const name = pod.metadata.name ?? pod.metadata.generateName ?? "";
  throw new K8sError(403, "Forbidden", `${PODS.resource} "${name}" is forbidden: ${violationMessage(level, violations)}`, { name, kind: PODS.resource });
}
