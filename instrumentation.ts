export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerTelemetry } = await import("./lib/observability/register");
  await registerTelemetry();
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Background work, each loop in one replica at a time (FACET_<LOOP>=off stops one).
  if (process.env.FACET_RECONCILER !== "off") {
    const { leadReconciler } = await import("./lib/clusters/reconcile/leader");
    leadReconciler();
  }
  // Alert deliveries (webhook, email, chat, Alertmanager) are sent by one replica at a time.
  if (process.env.FACET_ALERT_DISPATCHER !== "off") {
    const { leadAlertDispatcher } = await import("./lib/alerts/channels/leader");
    leadAlertDispatcher();
  }
  // Uptime probes through the blackbox exporter, also in one replica (FACET_PROBE_SCHEDULER=off stops it).
  if (process.env.FACET_PROBE_SCHEDULER !== "off") {
    const { leadProbeScheduler } = await import("./lib/probes/scheduler/leader");
    leadProbeScheduler();
  }
  // Alert rules evaluated every FACET_ALERT_EVAL_SECONDS.
  if (process.env.FACET_ALERT_EVALUATOR !== "off") {
    const { leadAlertEvaluator } = await import("./lib/alerts/evaluate/leader");
    leadAlertEvaluator();
  }
}
