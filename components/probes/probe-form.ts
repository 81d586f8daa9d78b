// Safe to import from client components: the probe form's state and the body it sends.
import type { ProbeDto, ProbeInput, ProbeKind } from "./api";

export interface Draft {
  name: string;
  kind: ProbeKind;
  target: string;
  interval: string;
  timeout: string;
  enabled: boolean;
  statusCodes: string;
  mustMatch: string;
  mustNotMatch: string;
  tlsRequired: boolean;
  certDays: string;
  followRedirects: boolean;
  dnsQueryName: string;
  dnsQueryType: string;
}

const lines = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

export function draftOf(p?: ProbeDto): Draft {
  const c = p?.checks ?? {};
  return {
    name: p?.name ?? "",
    kind: p?.kind ?? "http",
    target: p?.target ?? "",
    interval: String(p?.intervalSeconds ?? 60),
    timeout: String(p?.timeoutSeconds ?? 10),
    enabled: p?.enabled ?? true,
    statusCodes: (c.validStatusCodes ?? []).join(", "),
    mustMatch: (c.bodyMustMatch ?? []).join("\n"),
    mustNotMatch: (c.bodyMustNotMatch ?? []).join("\n"),
    tlsRequired: c.tlsRequired ?? false,
    certDays: c.certExpiryWarningDays == null ? "" : String(c.certExpiryWarningDays),
    followRedirects: c.followRedirects ?? true,
    dnsQueryName: c.dnsQueryName ?? "",
    dnsQueryType: c.dnsQueryType ?? "A",
  };
}

/** The body the contract expects. Numbers the user left unparseable go as NaN→null, so the
 *  server's 422 names the field rather than the client guessing its rules. */
export function probeInputOf(d: Draft): ProbeInput {
  const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));
  const checks: ProbeInput["checks"] = {};
  if (d.kind === "http") {
    const codes = d.statusCodes
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (codes.length) checks.validStatusCodes = codes;
    if (lines(d.mustMatch).length) checks.bodyMustMatch = lines(d.mustMatch);
    if (lines(d.mustNotMatch).length) checks.bodyMustNotMatch = lines(d.mustNotMatch);
    checks.tlsRequired = d.tlsRequired;
    checks.followRedirects = d.followRedirects;
    if (d.certDays.trim() !== "") checks.certExpiryWarningDays = num(d.certDays);
  }
  if (d.kind === "dns") {
    if (d.dnsQueryName.trim()) checks.dnsQueryName = d.dnsQueryName.trim();
    checks.dnsQueryType = d.dnsQueryType;
  }
  return {
    name: d.name.trim(),
    kind: d.kind,
    target: d.target.trim(),
    intervalSeconds: num(d.interval),
    timeoutSeconds: num(d.timeout),
    checks,
    enabled: d.enabled,
  };
}
