import { stringify } from "yaml";
import type { ProbeKind } from "../constants";
import type { ProbeChecks } from "../schemas";

export interface ModuleSource {
  id: number;
  environmentId: number;
  kind: ProbeKind;
  timeoutSeconds: number;
  checks: ProbeChecks;
}

/** One module per probe, so each carries that probe's own checks. */
export const moduleName = (p: Pick<ModuleSource, "id" | "environmentId">) => `facet_${p.environmentId}_${p.id}`;

// IPv4 first: "localhost" and dual-stack names otherwise resolve to ::1 first, which most test servers do not bind.
const ip = { preferred_ip_protocol: "ip4", ip_protocol_fallback: true };

/** The exporter's module for a probe (blackbox_exporter CONFIGURATION.md). */
export function moduleConfig(p: ModuleSource): Record<string, unknown> {
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
          follow_redirects: c.followRedirects ?? false,
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
export function modulesYaml(sources: ModuleSource[]): string {
  const modules: Record<string, unknown> = {};
  for (const s of sources) modules[moduleName(s)] = moduleConfig(s);
  return stringify({ modules });
}
