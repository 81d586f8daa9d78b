import "server-only";
import { leadWhileHeld, type Leadership } from "@/lib/db/leadership";
import { logger } from "@/lib/observability/logger";
import { dispatchDeliveries } from "./dispatch-deliveries";
import { purgeDeliveries } from "./purge-deliveries";

const TICK_MS = () => Number(process.env.FACET_ALERT_DISPATCH_MS ?? 1_000);
const PURGE_EVERY_MS = 3600_000;

/** Sends queued alert deliveries in one process of all those on the database: the leader.
 *  Rounds never overlap: the next is scheduled when the last ends. */
export function leadAlertDispatcher(): Leadership {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let lastPurge = 0;
  const round = async () => {
    try {
      // A full round may leave more due work: go on at once rather than wait a tick.
      for (let i = 0; i < 20 && running; i++) {
        const r = await dispatchDeliveries();
        if (r.delivered + r.retrying + r.failed < 50) break;
      }
      if (Date.now() - lastPurge > PURGE_EVERY_MS) {
        lastPurge = Date.now();
        await purgeDeliveries();
      }
    } catch (error) {
      logger.warn({ err: error }, "alert dispatch round failed");
    }
    if (running) timer = setTimeout(() => void round(), TICK_MS()).unref();
  };
  return leadWhileHeld("alert-dispatcher", {
    start: () => {
      running = true;
      timer = setTimeout(() => void round(), TICK_MS()).unref();
    },
    stop: () => {
      running = false;
      clearTimeout(timer);
    },
  });
}
