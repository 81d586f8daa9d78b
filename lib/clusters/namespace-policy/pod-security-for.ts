import { DEFAULT_POD_SECURITY, type PodSecurityModes } from "@/lib/pod-security/levels";
import type { NamespacePolicyInput } from "./schemas";

/** The levels of one environment: the default, then its type's override, then its tenant's. */
export function podSecurityFor(
  policy: NamespacePolicyInput["podSecurity"],
  type: string,
  tenant: string,
): PodSecurityModes {
  return { ...DEFAULT_POD_SECURITY, ...policy.default, ...policy.types[type as "dev"], ...policy.tenants[tenant] };
}
