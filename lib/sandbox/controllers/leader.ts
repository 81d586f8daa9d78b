import "server-only";
import { leadWhileHeld } from "@/lib/db/leadership";
import { startLoggingOperator, stopLoggingOperator } from "../logging/operator";
import { startControllers, stopControllers } from "./index";

// The Logging Operator's simulation is one of the sandbox's controllers: it leads with them.
const start = () => {
  startControllers();
  startLoggingOperator();
};
const stop = () => {
  stopControllers();
  stopLoggingOperator();
};

/** The simulated controllers run in one process of all those on the database: the leader.
 *  Writes in other replicas are picked up on the leader's next tick. */
export function leadSandboxControllers(): void {
  const leadership = leadWhileHeld("sandbox-controllers", { start, stop });
  // Started again if something (a test, a shutdown) stopped them while this process still leads.
  if (leadership.isLeader()) start();
}
