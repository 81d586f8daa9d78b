import "server-only";
import { leadWhileHeld, type Leadership } from "@/lib/db/leadership";
import { startEvaluator, stopEvaluator } from "./loop";

/** Alert rules are evaluated by one process of all those on the database: the leader. */
export function leadAlertEvaluator(): Leadership {
  return leadWhileHeld("alert-evaluator", { start: startEvaluator, stop: stopEvaluator });
}
