// Safe anywhere (client components, the drizzle schema): plain constants of probes.
export const PROBE_KINDS = ["http", "tcp", "icmp", "dns"] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

export const DNS_QUERY_TYPES = ["A", "AAAA", "CNAME", "MX", "NS", "PTR", "SOA", "SRV", "TXT"] as const;

export const MIN_INTERVAL_SECONDS = 10;
export const MAX_INTERVAL_SECONDS = 12 * 3600;
export const MAX_TIMEOUT_SECONDS = 60;
/** Probes per environment: enough for real use, small enough that one environment cannot crowd the scheduler. */
export const MAX_PROBES_PER_ENVIRONMENT = 200;
export const MAX_REGEXES = 10;
export const MAX_REGEX_LENGTH = 256;
/** Results answer at most this many points per probe; longer windows get a wider step. */
export const MAX_RESULT_POINTS = 720;
export const MAX_RESULT_WINDOW_MS = 31 * 24 * 3600_000;
