// Safe to import from client components: the Pod Security Standards levels and labels.
export const POD_SECURITY_LEVELS = ["privileged", "baseline", "restricted"] as const;
export type PodSecurityLevel = (typeof POD_SECURITY_LEVELS)[number];

export interface PodSecurityModes {
  enforce: PodSecurityLevel;
  warn: PodSecurityLevel;
  audit: PodSecurityLevel;
}

/** Decided default: baseline enforced, restricted reported. */
export const DEFAULT_POD_SECURITY: PodSecurityModes = { enforce: "baseline", warn: "restricted", audit: "restricted" };

export const PSA_LABEL = "pod-security.kubernetes.io";

/** The namespace labels kube-apiserver's PodSecurity admission reads. */
export function podSecurityLabels(modes: PodSecurityModes): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const mode of ["enforce", "warn", "audit"] as const) {
    labels[`${PSA_LABEL}/${mode}`] = modes[mode];
    labels[`${PSA_LABEL}/${mode}-version`] = "latest";
  }
  return labels;
}

export const PSA_LABEL_KEYS = Object.keys(podSecurityLabels(DEFAULT_POD_SECURITY));

/** A namespace's enforced level as kube-apiserver reads it: unlabelled or unknown is privileged. */
export function enforcedLevel(labels: Record<string, string> | undefined): PodSecurityLevel {
  const value = labels?.[`${PSA_LABEL}/enforce`];
  return (POD_SECURITY_LEVELS as readonly string[]).includes(value ?? "") ? (value as PodSecurityLevel) : "privileged";
}
