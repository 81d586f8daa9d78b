import "server-only";
import { leadWhileHeld, type Leadership } from "@/lib/db/leadership";
import { startReconciler, stopReconciler } from "./loop";

/** The reconciler runs in one process of all those on the database: the leader. */
export function leadReconciler(): Leadership {
  return leadWhileHeld("reconciler", { start: startReconciler, stop: stopReconciler });
}
