// Safe to import from client components: the probes API's contract (issue 14).
import { z } from "zod";
import { DnsLabel, EnvironmentParams } from "@/lib/tenancy/schemas";
import {
  DNS_QUERY_TYPES,
  MAX_INTERVAL_SECONDS,
  MAX_REGEX_LENGTH,
  MAX_REGEXES,
  MAX_RESULT_WINDOW_MS,
  MAX_TIMEOUT_SECONDS,
  MIN_INTERVAL_SECONDS,
  PROBE_KINDS,
  type ProbeKind,
} from "./constants";

export const ProbeParams = EnvironmentParams.extend({ name: DnsLabel });

const HOST_NAME = /^(?=.{1,253}\.?$)[a-z0-9_]([-a-z0-9_]{0,61}[a-z0-9])?(\.[a-z0-9_]([-a-z0-9_]{0,61}[a-z0-9])?)*\.?$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** A host name, an IPv4 address or a bracketed IPv6 address (WHATWG URL parsing judges the IPv6 form). */
export function hostProblem(host: string): string | null {
  if (!host) return "the host is missing";
  if (host.startsWith("[")) {
    if (!host.endsWith("]") || !host.includes(":")) return `'${host}' is not a bracketed IPv6 address`;
    try {
      new URL(`http://${host}/`);
      return null;
    } catch {
      return `'${host}' is not a valid IPv6 address`;
    }
  }
  if (/^[\d.]+$/.test(host)) return IPV4.test(host) ? null : `'${host}' is not a valid IPv4 address`;
  return HOST_NAME.test(host) ? null : `'${host}' is not a valid host name`;
}

/** Splits host[:port]; an IPv6 host must be bracketed so that its colons are not read as a port. */
export function splitHostPort(text: string): { host: string; port: number | null } | string {
  const m = /^(\[[^\]]*\]|[^:[\]]*)(?::(\d{1,5}))?$/.exec(text);
  if (!m) return `'${text}' is not host or host:port (write IPv6 addresses as [::1]:53)`;
  const problem = hostProblem(m[1]);
  if (problem) return problem;
  if (m[2] === undefined) return { host: m[1], port: null };
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return `the port ${m[2]} is not between 1 and 65535`;
  return { host: m[1], port };
}

/** Why a target does not fit its kind, or null. */
export function targetProblem(kind: ProbeKind, target: string): string | null {
  if (target !== target.trim() || !target) return "the target is empty or has spaces around it";
  switch (kind) {
    case "http": {
      let url: URL;
      try {
        url = new URL(target);
      } catch {
        return "an HTTP probe's target is a URL such as https://shop.example.com/healthz";
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") return "only http:// and https:// URLs can be probed";
      if (url.username || url.password) return "the URL must not carry a user name or password";
      return hostProblem(url.hostname.startsWith("[") ? url.hostname : url.hostname.toLowerCase());
    }
    case "tcp": {
      const hp = splitHostPort(target);
      if (typeof hp === "string") return hp;
      return hp.port === null ? "a TCP probe's target is host:port, such as db.example.com:5432" : null;
    }
    case "icmp":
      return hostProblem(target);
    case "dns": {
      const hp = splitHostPort(target);
      return typeof hp === "string" ? hp : null;
    }
  }
}

/** Regular expressions both JavaScript (strict, unicode mode: no unknown escapes) and RE2, the
 *  exporter's engine, read: no look-around, back-references or named groups. */
const Regex = z
  .string()
  .min(1, "Enter a regular expression.")
  .max(MAX_REGEX_LENGTH, `At most ${MAX_REGEX_LENGTH} characters.`)
  .refine(
    (v) => !/\(\?<|\(\?[=!]|\\[1-9]|\\k</.test(v),
    "Look-around, back-references and named groups are not supported.",
  )
  .refine((v) => {
    try {
      new RegExp(v, "u");
      return true;
    } catch {
      return false;
    }
  }, "Not a valid regular expression.");

export const ProbeChecks = z.object({
  validStatusCodes: z.array(z.number().int().min(100).max(599)).min(1).max(20).optional(),
  bodyMustMatch: z.array(Regex).max(MAX_REGEXES, `At most ${MAX_REGEXES} expressions.`).optional(),
  bodyMustNotMatch: z.array(Regex).max(MAX_REGEXES, `At most ${MAX_REGEXES} expressions.`).optional(),
  tlsRequired: z.boolean().optional(),
  certExpiryWarningDays: z.number().int().min(1).max(365).optional(),
  /** Off unless asked (a login page answers 200); when on, every hop goes through Facet's egress proxy. */
  followRedirects: z.boolean().optional(),
  dnsQueryName: z
    .string()
    .max(253)
    .regex(/^[a-z0-9_*]([-a-z0-9_]*[a-z0-9])?(\.[a-z0-9_]([-a-z0-9_]*[a-z0-9])?)*\.?$/i, "Enter a domain name.")
    .optional(),
  dnsQueryType: z.enum(DNS_QUERY_TYPES).optional(),
});
export type ProbeChecks = z.infer<typeof ProbeChecks>;

const HTTP_ONLY = [
  "validStatusCodes",
  "bodyMustMatch",
  "bodyMustNotMatch",
  "tlsRequired",
  "certExpiryWarningDays",
  "followRedirects",
] as const;
const DNS_ONLY = ["dnsQueryName", "dnsQueryType"] as const;

const Fields = z.object({
  kind: z.enum(PROBE_KINDS),
  target: z.string().max(2048, "At most 2048 characters."),
  intervalSeconds: z
    .number()
    .int()
    .min(MIN_INTERVAL_SECONDS, `At least ${MIN_INTERVAL_SECONDS} seconds.`)
    .max(MAX_INTERVAL_SECONDS, "At most 12 hours (43200 seconds).")
    .default(60),
  timeoutSeconds: z
    .number()
    .int()
    .min(1, "At least 1 second.")
    .max(MAX_TIMEOUT_SECONDS, `At most ${MAX_TIMEOUT_SECONDS} seconds.`)
    .optional(),
  checks: ProbeChecks.default({}),
  enabled: z.boolean().default(true),
});

type FieldsOut = z.infer<typeof Fields>;

function checkFields(v: FieldsOut, ctx: z.RefinementCtx) {
  const problem = targetProblem(v.kind, v.target);
  if (problem) ctx.addIssue({ code: "custom", path: ["target"], message: problem });
  const timeout = v.timeoutSeconds ?? Math.min(10, v.intervalSeconds - 1);
  if (timeout >= v.intervalSeconds)
    ctx.addIssue({
      code: "custom",
      path: ["timeoutSeconds"],
      message: "The timeout must be shorter than the interval.",
    });
  const wrong = v.kind === "http" ? DNS_ONLY : v.kind === "dns" ? HTTP_ONLY : [...HTTP_ONLY, ...DNS_ONLY];
  for (const key of wrong)
    if (v.checks[key] !== undefined)
      ctx.addIssue({ code: "custom", path: ["checks", key], message: `Not a check of ${v.kind} probes.` });
  if (v.kind === "dns" && !v.checks.dnsQueryName)
    ctx.addIssue({ code: "custom", path: ["checks", "dnsQueryName"], message: "Name the domain to look up." });
}

const withTimeout = <T extends FieldsOut>(v: T) => ({
  ...v,
  timeoutSeconds: v.timeoutSeconds ?? Math.min(10, v.intervalSeconds - 1),
});

/** PUT replaces a probe's settings; its name is the path's. */
export const ProbeUpdateBody = Fields.superRefine(checkFields).transform(withTimeout);
export type ProbeUpdateBody = z.infer<typeof ProbeUpdateBody>;

export const ProbeBody = Fields.extend({ name: DnsLabel }).superRefine(checkFields).transform(withTimeout);
export type ProbeBody = z.infer<typeof ProbeBody>;

export const ProbeResultsQuery = z
  .object({
    start: z.coerce.number().int().min(0).optional(),
    end: z.coerce.number().int().min(0).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.start !== undefined && q.end !== undefined) {
      if (q.start >= q.end) ctx.addIssue({ code: "custom", path: ["start"], message: "start must be before end." });
      else if (q.end - q.start > MAX_RESULT_WINDOW_MS)
        ctx.addIssue({ code: "custom", path: ["start"], message: "The window is at most 31 days." });
    }
  });
export type ProbeResultsQuery = z.infer<typeof ProbeResultsQuery>;

export interface ProbeDto {
  name: string;
  kind: ProbeKind;
  target: string;
  intervalSeconds: number;
  timeoutSeconds: number;
  checks: ProbeChecks;
  enabled: boolean;
  state: "up" | "down" | "unknown";
  lastRunAt: string | null;
  lastLatencyMs: number | null;
  lastStatusCode: number | null;
  lastError: string | null;
  uptime24h: number | null;
  uptime7d: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProbePhases {
  resolve: number | null;
  connect: number | null;
  tls: number | null;
  processing: number | null;
  transfer: number | null;
}

export interface ProbeResultPoint {
  t: number;
  success: 0 | 1 | null;
  durationMs: number | null;
  phases: ProbePhases;
  statusCode: number | null;
}

export interface ProbeResults {
  probe: ProbeDto;
  startMs: number;
  endMs: number;
  stepMs: number;
  points: ProbeResultPoint[];
  failures: { t: number; reason: string }[];
  certExpiresAt: number | null;
  uptime: number | null;
}
