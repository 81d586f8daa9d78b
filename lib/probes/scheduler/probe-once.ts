import "server-only";
import type { Sample } from "../blackbox/exposition";
import { parseDebugOutput } from "../blackbox/exposition";
import { moduleName, type ModuleSource } from "../blackbox/modules";
import { probeEgressRefusal } from "../egress";
import type { ProbeKind } from "../constants";

export interface ProbeJob extends ModuleSource {
  name: string;
  target: string;
  kind: ProbeKind;
  intervalSeconds: number;
  certExpiryWarningDays?: number;
  dueMs: number;
  clusterId: number;
  namespace: string;
  allowPrivate: boolean;
}

export interface ProbeOutcome {
  job: ProbeJob;
  startedMs: number;
  success: boolean;
  durationMs: number | null;
  statusCode: number | null;
  certExpiryMs: number | null;
  reason: string | null;
  samples: Sample[];
}

const value = (samples: Sample[], name: string) => samples.find((s) => s.name === name)?.value;

/**
 * One run through the exporter: the egress policy first (the host may resolve elsewhere than at
 * save time), then /probe with debug=true, whose one answer carries the metrics and the log
 * that says why a run failed. Throws only when the exporter itself cannot be used.
 */
export async function probeOnce(exporterUrl: string, job: ProbeJob, startedMs = Date.now()): Promise<ProbeOutcome> {
  const refusal = await probeEgressRefusal(job.kind, job.target, job.allowPrivate);
  if (refusal)
    return {
      job,
      startedMs,
      success: false,
      durationMs: null,
      statusCode: null,
      certExpiryMs: null,
      reason: `Refused by the egress policy: ${refusal}`,
      samples: [{ name: "probe_success", labels: {}, value: 0 }],
    };
  const url = new URL(`${exporterUrl}/probe`);
  url.searchParams.set("module", moduleName(job));
  url.searchParams.set("target", job.target);
  url.searchParams.set("debug", "true");
  const res = await fetch(url, {
    headers: { "X-Prometheus-Scrape-Timeout-Seconds": String(job.timeoutSeconds + 0.5) },
    signal: AbortSignal.timeout((job.timeoutSeconds + 5) * 1000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`blackbox exporter answered ${res.status}: ${text.slice(0, 300)}`);
  const { samples, reason } = parseDebugOutput(text);
  const ok = value(samples, "probe_success") === 1;
  const duration = value(samples, "probe_duration_seconds");
  const status = value(samples, "probe_http_status_code");
  const expiry = value(samples, "probe_ssl_earliest_cert_expiry");
  const certExpiryMs = expiry && Number.isFinite(expiry) ? Math.round(expiry * 1000) : null;
  let why = ok ? null : (reason ?? "The probe failed; the exporter logged no reason.");
  if (ok && certExpiryMs && job.certExpiryWarningDays) {
    const days = Math.floor((certExpiryMs - startedMs) / 86_400_000);
    if (days < job.certExpiryWarningDays)
      why = `Warning: the certificate expires in ${days} days (warning at ${job.certExpiryWarningDays}).`;
  }
  return {
    job,
    startedMs,
    success: ok,
    durationMs: duration === undefined ? null : Math.round(duration * 1000),
    statusCode: status ? Math.round(status) : null,
    certExpiryMs,
    reason: why,
    samples,
  };
}
