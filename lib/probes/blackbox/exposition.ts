/** One sample of the Prometheus text exposition format. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

const unescape = (v: string) => v.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));

function parseValue(text: string): number {
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  return Number(text);
}

/** Samples of an exposition text; comments and unreadable lines are skipped. */
export function parseExposition(text: string): Sample[] {
  const out: Sample[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const m = SAMPLE.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    if (m[2]) for (const l of m[2].matchAll(LABEL)) labels[l[1]] = unescape(l[2]);
    out.push({ name: m[1], labels, value: parseValue(m[3]) });
  }
  return out;
}

/** logfmt key=value pairs of one log line (values may be quoted). */
export function parseLogfmt(line: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of line.matchAll(/([a-zA-Z_][\w.]*)=("((?:[^"\\]|\\.)*)"|\S*)/g))
    out[m[1]] = m[3] !== undefined ? m[3].replace(/\\(.)/g, "$1") : m[2];
  return out;
}

const FAILURE_AT_INFO =
  /^(Invalid |Final request was not over SSL|.*(did not match|matched regular expression|timed out|failed))/;

export interface DebugOutput {
  samples: Sample[];
  /** Why the probe failed, from the exporter's own log of the run; null when it logged no error. */
  reason: string | null;
}

/**
 * The answer of /probe?debug=true: the run's log, then the metrics it would have returned.
 * One call gives both the numbers and the failure reason.
 */
export function parseDebugOutput(text: string): DebugOutput {
  const metricsAt = text.indexOf("Metrics that would have been returned:");
  const moduleAt = text.indexOf("Module configuration:");
  const logs = metricsAt >= 0 ? text.slice(0, metricsAt) : text;
  const metrics = metricsAt >= 0 ? text.slice(metricsAt, moduleAt > metricsAt ? moduleAt : undefined) : "";
  const reasons: string[] = [];
  for (const line of logs.split("\n")) {
    if (!line.includes("level=")) continue;
    const f = parseLogfmt(line);
    if (!f.msg || f.msg === "Probe failed") continue;
    // Some checks' verdicts ("Invalid HTTP response status code…") are logged at info level.
    if (f.level !== "error" && !(f.level === "info" && FAILURE_AT_INFO.test(f.msg))) continue;
    const detail = [f.err, f.regexp && `regexp ${f.regexp}`, f.status_code && `status ${f.status_code}`]
      .filter(Boolean)
      .join(", ");
    reasons.push(detail ? `${f.msg}: ${detail}` : f.msg);
  }
  return { samples: parseExposition(metrics), reason: reasons.length ? reasons.join("; ") : null };
}
