import "server-only";
import { processSingleton } from "@/lib/cache";
import { leadWhileHeld, type Leadership } from "@/lib/db/leadership";
import { logger } from "@/lib/observability/logger";
import { probeEgressProxy } from "../blackbox/egress-proxy";
import { blackbox } from "../blackbox/exporter";
import { ProbeScheduler } from "./scheduler";

export const probeScheduler = () => processSingleton("probes.scheduler", () => new ProbeScheduler());

/** The probe scheduler, and the exporter it supervises, run in one process of all: the leader. */
export function leadProbeScheduler(): Leadership | null {
  if (process.env.FACET_PROBE_SCHEDULER === "off") return null;
  return leadWhileHeld("probe-scheduler", {
    start: () => probeScheduler().start(),
    stop: () =>
      void probeScheduler()
        .stop()
        .then(() => Promise.all([blackbox().stop(), probeEgressProxy().stop()]))
        .catch((error) => logger.warn({ err: error }, "probe scheduler did not stop cleanly")),
  });
}
