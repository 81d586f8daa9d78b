import "server-only";
import { AppError } from "@/lib/errors";
import { refusalForHost } from "@/lib/net/egress";
import type { ProbeKind } from "./constants";
import { targetHost } from "./target-host";

/** Why the egress policy refuses this probe's host now, or null; it is asked again before every run. */
export async function probeEgressRefusal(
  kind: ProbeKind,
  target: string,
  allowPrivate: boolean,
): Promise<string | null> {
  const host = targetHost(kind, target);
  try {
    return await refusalForHost(host, { allowPrivate });
  } catch {
    return `the host '${host}' does not resolve`;
  }
}

/** Save-time check: a refusal is a 422 on `target`. */
export async function assertProbeTargetAllowed(kind: ProbeKind, target: string, allowPrivate: boolean): Promise<void> {
  const refusal = await probeEgressRefusal(kind, target, allowPrivate);
  if (refusal)
    throw new AppError("VALIDATION", `The target is not allowed: ${refusal}`, {
      errors: [{ path: "target", message: `Facet does not probe this target: ${refusal}.` }],
    });
}
