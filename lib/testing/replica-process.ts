// A second Facet process on the test database, for lib/db/__tests__/replicas.test.ts: serves
// app/api and app/nacos, takes part in the background loops' leadership, and answers one
// command on stdin ("leaders") with a JSON line on stdout. Started by startReplica().
import { createInterface } from "node:readline";
import { leadAlertEvaluator } from "@/lib/alerts/evaluate/leader";
import { leadReconciler } from "@/lib/clusters/reconcile/leader";
import { leaderships } from "@/lib/db/leadership";
import { leadProbeScheduler } from "@/lib/probes/scheduler/leader";
import { leadSandboxControllers } from "@/lib/sandbox/controllers/leader";
import { startRetention } from "@/lib/telemetry/store/retention";
import { startRouteServer } from "./route-server";

const api = await startRouteServer("app/api");
const nacos = await startRouteServer("app/nacos");
leadReconciler();
startRetention();
leadSandboxControllers();
// Only the probes test asks (and names an exporter), so a killed replica leaves no exporter behind.
if (process.env.FACET_PROBE_SCHEDULER === "on") leadProbeScheduler();
leadAlertEvaluator();
const say = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
say({ ready: true, api: api.origin, nacos: nacos.origin });
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === "leaders")
    say({
      leaders: leaderships()
        .filter((l) => l.isLeader())
        .map((l) => l.name),
    });
}
process.exit(0);
