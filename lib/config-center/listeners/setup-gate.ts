import "server-only";
import { processSingleton } from "@/lib/cache";

/**
 * Listener requests set up (authenticate, authorize, compare MD5s) a few at a time: each may
 * name 3,000 keys, and a flood of them must not take every database connection and CPU slice
 * from other requests. Excess waits in a bounded queue; past it the caller answers 429.
 */
export class SetupGate {
  private running = 0;
  private queue: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxQueued: number,
  ) {}

  /** Runs `work` when a slot frees; null (nothing run) when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<T | null> {
    if (this.running >= this.concurrency) {
      if (this.queue.length >= this.maxQueued) return null;
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else this.running++;
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** The process's gate: 4 setups at once, 256 waiting. */
export function listenerSetupGate(): SetupGate {
  return processSingleton(
    "config-center.listener-setup-gate",
    () => new SetupGate(Number(process.env.FACET_LISTENER_SETUP_CONCURRENCY ?? 4), 256),
  );
}
