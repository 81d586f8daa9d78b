export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerTelemetry } = await import("./lib/observability/register");
  await registerTelemetry();
  if (process.env.NEXT_PHASE === "phase-production-build" || process.env.FACET_RECONCILER === "off") return;
  // Background work: keep clusters in line with the environments, in one replica at a time.
  const { leadReconciler } = await import("./lib/clusters/reconcile/leader");
  leadReconciler();
  // Uptime probes through the blackbox exporter, also in one replica (FACET_PROBE_SCHEDULER=off stops it).
  const { leadProbeScheduler } = await import("./lib/probes/scheduler/leader");
  leadProbeScheduler();
}
