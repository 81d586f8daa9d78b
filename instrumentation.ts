export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerTelemetry } = await import("./lib/observability/register");
  await registerTelemetry();
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Background work, in one replica at a time: keep clusters in line with the environments;
  // evaluate alert rules.
  if (process.env.FACET_RECONCILER !== "off") {
    const { leadReconciler } = await import("./lib/clusters/reconcile/leader");
    leadReconciler();
  }
  if (process.env.FACET_ALERT_EVALUATOR !== "off") {
    const { leadAlertEvaluator } = await import("./lib/alerts/evaluate/leader");
    leadAlertEvaluator();
  }
}
