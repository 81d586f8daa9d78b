import ipaddr from "ipaddr.js";

const normalise = (a: string) => {
  const bare = a.trim().replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(bare)) return null;
  const parsed = ipaddr.process(bare);
  return parsed.toString();
};

/** FACET_TRUSTED_PROXIES: comma-separated addresses or CIDRs. */
export function parseTrustedProxies(env: string | undefined): string[] {
  return (env ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function isTrusted(address: string, trusted: string[]): boolean {
  const ip = ipaddr.process(address);
  return trusted.some((entry) => {
    try {
      if (entry.includes("/")) {
        const [range, bits] = ipaddr.parseCIDR(entry);
        const candidate = ip.kind() === range.kind() ? ip : null;
        return candidate ? candidate.match(range, bits) : false;
      }
      return ipaddr.process(entry).toString() === ip.toString();
    } catch {
      return false;
    }
  });
}

/**
 * The client's address: the socket peer, or, when the peer is a trusted proxy, the right-most
 * X-Forwarded-For hop that is not itself a trusted proxy.
 */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | null | undefined,
  trusted: string[],
): string | null {
  const direct = peer ? normalise(peer) : null;
  if (!direct) return null;
  if (!trusted.length || !isTrusted(direct, trusted) || !forwardedFor) return direct;
  const hops = forwardedFor.split(",").map((h) => normalise(h));
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (!hop) return direct;
    if (!isTrusted(hop, trusted)) return hop;
  }
  return direct;
}
