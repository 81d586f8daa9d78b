// Safe to import from client components: the probes API of the shared contract (paths, DTOs,
// react-query keys) in one place, so the merger can line it up with the server's routes.
import { apiPath, type EnvironmentNames } from "@/lib/console/paths";
import { getJson } from "@/lib/query/get-json";
import { sendJson } from "@/lib/query/send-json";

export const PROBE_KINDS = ["http", "tcp", "icmp", "dns"] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];
export type ProbeState = "up" | "down" | "unknown";

/** A time as the server sends it (ISO text or epoch ms). */
export type When = string | number;

export interface ProbeChecks {
  validStatusCodes?: number[];
  bodyMustMatch?: string[];
  bodyMustNotMatch?: string[];
  tlsRequired?: boolean;
  certExpiryWarningDays?: number;
  followRedirects?: boolean;
  dnsQueryName?: string;
  dnsQueryType?: string;
}

export interface ProbeDto {
  name: string;
  kind: ProbeKind;
  target: string;
  intervalSeconds: number;
  timeoutSeconds: number;
  checks: ProbeChecks;
  enabled: boolean;
  state: ProbeState;
  lastRunAt: When | null;
  lastLatencyMs: number | null;
  lastStatusCode: number | null;
  lastError: string | null;
  uptime24h: number | null;
  uptime7d: number | null;
  createdAt: When;
  updatedAt: When;
}

/** What a create or edit sends: the writable part of ProbeDto. */
export type ProbeInput = Pick<
  ProbeDto,
  "name" | "kind" | "target" | "intervalSeconds" | "timeoutSeconds" | "checks" | "enabled"
>;

export const PHASES = ["resolve", "connect", "tls", "processing", "transfer"] as const;
export type Phase = (typeof PHASES)[number];

export interface ProbePoint {
  t: number;
  success: 0 | 1 | null;
  durationMs: number | null;
  phases: Partial<Record<Phase, number | null>> | null;
  statusCode: number | null;
}

export interface ProbeResults {
  probe: ProbeDto;
  startMs: number;
  endMs: number;
  stepMs: number;
  points: ProbePoint[];
  failures: { t: number; reason: string }[];
  certExpiresAt: number | null;
  uptime: number | null;
}

const seg = encodeURIComponent;

export const probesApi = {
  list: (n: EnvironmentNames) => `${apiPath.environment(n)}/probes`,
  item: (n: EnvironmentNames, name: string) => `${apiPath.environment(n)}/probes/${seg(name)}`,
  results: (n: EnvironmentNames, name: string, startMs: number, endMs: number) =>
    `${apiPath.environment(n)}/probes/${seg(name)}/results?start=${startMs}&end=${endMs}`,
};

const envKey = (n: EnvironmentNames) => ["t", n.tenant, "p", n.project, "e", n.environment] as const;

/** Keys start with the scope; invalidating `all` refreshes the list and every probe page. */
export const probeKeys = {
  all: (n: EnvironmentNames) => [...envKey(n), "probes"] as const,
  list: (n: EnvironmentNames) => [...envKey(n), "probes", "list"] as const,
  results: (n: EnvironmentNames, name: string, window: string) =>
    [...envKey(n), "probes", "results", name, window] as const,
};

export const fetchProbes = (n: EnvironmentNames) => getJson<{ items: ProbeDto[] }>(probesApi.list(n));
export const fetchProbeResults = (n: EnvironmentNames, name: string, startMs: number, endMs: number) =>
  getJson<ProbeResults>(probesApi.results(n, name, startMs, endMs));
export const createProbe = (n: EnvironmentNames, input: ProbeInput) =>
  sendJson<ProbeDto>("POST", probesApi.list(n), input);
export const updateProbe = (n: EnvironmentNames, name: string, input: ProbeInput) =>
  sendJson<ProbeDto>("PUT", probesApi.item(n, name), input);
export const deleteProbe = (n: EnvironmentNames, name: string) => sendJson<void>("DELETE", probesApi.item(n, name));

/** Window picker of the probe page: its length in ms. */
export const PROBE_WINDOWS = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 } as const;
export type ProbeWindow = keyof typeof PROBE_WINDOWS;
