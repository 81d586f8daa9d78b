import "server-only";
import { processSingleton } from "@/lib/cache";
import { EventEmitter } from "node:events";

// Wakes watchers in this process as soon as a write commits; the database stays the source of
// truth (watchers re-read the watch log), so a missed wake-up only costs one poll interval.
function emitter(): EventEmitter {
  return processSingleton("sandbox-notifier", () => new EventEmitter().setMaxListeners(0));
}

export function notifyCommitted(resourceVersion: number): void {
  emitter().emit("change", resourceVersion);
}

/** Calls `listener` after each committed write; returns the unsubscribe function. */
export function onCommitted(listener: (resourceVersion: number) => void): () => void {
  emitter().on("change", listener);
  return () => emitter().off("change", listener);
}
