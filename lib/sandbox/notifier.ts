import "server-only";
import { EventEmitter } from "node:events";

// Wakes watchers in this process as soon as a write commits; the database stays the source of
// truth (watchers re-read the watch log), so a missed wake-up only costs one poll interval.
const holder = globalThis as unknown as { facetSandboxNotifier?: EventEmitter };

function emitter(): EventEmitter {
  if (!holder.facetSandboxNotifier) {
    holder.facetSandboxNotifier = new EventEmitter();
    holder.facetSandboxNotifier.setMaxListeners(0);
  }
  return holder.facetSandboxNotifier;
}

export function notifyCommitted(resourceVersion: number): void {
  emitter().emit("change", resourceVersion);
}

/** Calls `listener` after each committed write; returns the unsubscribe function. */
export function onCommitted(listener: (resourceVersion: number) => void): () => void {
  emitter().on("change", listener);
  return () => emitter().off("change", listener);
}
