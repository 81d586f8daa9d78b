import type { ProbeKind } from "./constants";
import { splitHostPort } from "./schemas";

/** The host a probe connects to (for DNS probes: the DNS server), without IPv6 brackets. */
export function targetHost(kind: ProbeKind, target: string): string {
  if (kind === "http") return new URL(target).hostname.replace(/^\[|\]$/g, "");
  if (kind === "icmp") return target.replace(/^\[|\]$/g, "");
  const hp = splitHostPort(target);
  if (typeof hp === "string") throw new Error(hp);
  return hp.host.replace(/^\[|\]$/g, "");
}
