// OTLP severity numbers: 1-4 TRACE, 5-8 DEBUG, 9-12 INFO, 13-16 WARN, 17-20 ERROR, 21-24 FATAL.
// Safe to import from client components.
export const SEVERITIES = ["trace", "debug", "info", "warn", "error", "fatal"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The lowest severity number of a level. */
export const severityFloor = (level: Severity): number => SEVERITIES.indexOf(level) * 4 + 1;

export function severityName(n: number): Severity | "unspecified" {
  if (!n || n < 1) return "unspecified";
  return SEVERITIES[Math.min(5, Math.floor((n - 1) / 4))];
}

const ALIASES: Record<string, number> = {
  trace: 1,
  debug: 5,
  info: 9,
  information: 9,
  notice: 10,
  warn: 13,
  warning: 13,
  error: 17,
  err: 17,
  critical: 21,
  fatal: 21,
  panic: 21,
};

/** A severity number from a level word (pino, syslog, log4j names), 0 when unknown. */
export function severityFromText(text: string): number {
  return ALIASES[text.trim().toLowerCase()] ?? 0;
}
