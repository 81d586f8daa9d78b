import "server-only";
import { leadWhileHeld } from "@/lib/db/leadership";
import { startLoggingOperator, stopLoggingOperator } from "../logging/operator";
import { startControllers, stopControllers } from "./index";

/** The simulated controllers run in one process of all those on the database: the leader.
 *  Writes in other replicas are picked up on the leader's next tick. */
export function leadSandboxControllers(): void {
  const leadership = leadWhileHeld("sandbox-controllers", { start: startControllers, stop: stopControllers });
  // Started again if something (a test, a shutdown) stopped them while this process still leads.
  if (leadership.isLeader()) startControllers();
  // The Logging Operator's simulation likewise runs in one process only.
  const logging = leadWhileHeld("sandbox-logging-operator", {
    start: startLoggingOperator,
    stop: stopLoggingOperator,
  });
  if (logging.isLeader()) startLoggingOperator();
}
