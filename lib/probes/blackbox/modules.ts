import { stringify } from "yaml";
import type { ProbeKind } from "../constants";
import type { ProbeChecks } from "../schemas";

/** proxy_url for a module: the proxy user names the cluster's private-address allowance. */
export const proxyUrlFor = (origin: string, allowPrivate: boolean) =>
  `http://${allowPrivate ? "private" : "public"}:x@${origin}`;

export interface ModuleSource {
  id: number;
  environmentId: number;
  kind: ProbeKind;
  timeoutSeconds: number;
  checks: ProbeChecks;
  /** The cluster's sysadmin allowed private addresses (for the egress proxy). */
  allowPrivate?: boolean;
}

/** One module per probe, so each carries that probe's own checks. */
export const moduleName = (p: Pick<ModuleSource, "id" | "environmentId">) => `facet_${p.environmentId}_${p.id}`;

// IPv4 first: "localhost" and dual-stack names otherwise resolve to ::1 first, which most test servers do not bind.
const ip = { preferred_ip_protocol: "ip4", ip_protocol_fallback: true };

/** The exporter's module for a probe (blackbox_exporter CONFIGURATION.md). `proxy` is Facet's
 *  egress proxy (host:port): redirects are followed only through it, so every hop is checked. */
export function moduleConfig(p: ModuleSource, proxy: string | null = null): Record<string, unknown> {
  const c = p.checks;
  const base = { prober: p.kind, timeout: `${p.timeoutSeconds}s` };
  switch (p.kind) {
    case "http":
      return {
        ...base,
        http: {
          ...ip,
          valid_status_codes: c.validStatusCodes ?? [],
          fail_if_body_matches_regexp: c.bodyMustNotMatch ?? [],
          fail_if_body_not_matches_regexp: c.bodyMustMatch ?? [],
          fail_if_not_ssl: c.tlsRequired ?? false,
          follow_redirects: Boolean(c.followRedirects && proxy),
          ...(c.followRedirects && proxy ? { proxy_url: proxyUrlFor(proxy, p.allowPrivate ?? false) } : {}),
        },
      };
    case "tcp":
      return { ...base, tcp: { ...ip } };
    case "icmp":
      return { ...base, icmp: { ...ip } };
    case "dns":
      return {
        ...base,
        dns: {
          ...ip,
          transport_protocol: "udp",
          query_name: c.dnsQueryName ?? "",
          query_type: c.dnsQueryType ?? "A",
        },
      };
  }
}

/** The whole modules file. */
export function modulesYaml(sources: ModuleSource[], proxy: string | null = null): string {
  const modules: Record<string, unknown> = {};
  for (const s of sources) modules[moduleName(s)] = moduleConfig(s, proxy);
  return stringify({ modules });
}
