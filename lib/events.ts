import { processSingleton } from "@/lib/cache";

// In-process notifications of committed changes. Listeners (the cluster reconciler) register
// only in the server process, so tests and scripts emit into the void.
export type ChangeEvent =
  | { type: "environment"; id: number }
  | { type: "tenant"; id: number }
  | { type: "cluster"; id: number }
  | { type: "cleanup" };

type Listener = (event: ChangeEvent) => void;
const listeners = processSingleton("events.listeners", () => new Set<Listener>());

export function onChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Call after the transaction committed. Listener errors never reach the caller. */
export function emitChange(event: ChangeEvent): void {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch {
      // A listener's failure is its own to report.
    }
  }
}
