import "server-only";

/*
 * Long-polling listeners and who has listened lately, in memory. The waiting requests are
 * live connections of this process, so they cannot live anywhere else; the "last seen"
 * registry sits beside them because it changes on every poll and is worthless after a
 * restart (clients re-poll within seconds). Several replicas would need a shared pub/sub.
 */

export interface WatchedKey {
  environmentId: number;
  dataId: string;
  /** As the client named them, for the answer. */
  group: string;
  tenant: string;
  /** The MD5 the client holds; "" when it holds nothing. */
  md5: string;
}

export interface ListenerClient {
  ip: string;
  clientId: string;
}

export interface SeenClient extends ListenerClient {
  md5: string;
  lastSeenAt: Date;
  waiting: boolean;
}

interface Waiter {
  keys: WatchedKey[];
  finish: (changed: WatchedKey[]) => void;
}

export interface Registration {
  /** Resolves with the keys that changed, or [] when the hold time passed. */
  wait(holdMs: number, signal?: AbortSignal): Promise<WatchedKey[]>;
  /** Answers now (with what changed) and stops listening. */
  finish(changed: WatchedKey[]): void;
}

/** A client that polled more than this long ago and is not waiting has gone. */
const FORGET_AFTER_MS = 90_000;
/** Held requests at once; beyond that Nacos answers 503 and so do we. */
export const MAX_WAITERS = 10_000;

const keyOf = (environmentId: number, dataId: string) => `${environmentId}\u0002${dataId}`;

export class ListenerHub {
  private waiters = new Map<string, Set<Waiter>>();
  private seen = new Map<string, Map<string, SeenClient>>();
  private waiting = 0;

  constructor(private readonly now: () => number = Date.now) {}

  get waiterCount(): number {
    return this.waiting;
  }

  /** Called after a change commits: answers every waiter that holds another MD5. */
  notify(environmentId: number, dataId: string, md5: string): void {
    for (const waiter of [...(this.waiters.get(keyOf(environmentId, dataId)) ?? [])]) {
      const changed = waiter.keys.filter((k) => k.environmentId === environmentId && k.dataId === dataId && k.md5 !== md5);
      if (changed.length) waiter.finish(changed);
    }
  }

  /** Starts listening before the caller compares MD5s, so no change slips between the two. */
  register(keys: WatchedKey[], client: ListenerClient): Registration {
    let settle: (changed: WatchedKey[]) => void = () => {};
    let done = false;
    const result = new Promise<WatchedKey[]>((resolve) => (settle = resolve));
    const cleanups: (() => void)[] = [];
    const waiter: Waiter = {
      keys,
      finish: (changed) => {
        if (done) return;
        done = true;
        this.waiting--;
        for (const key of keys) this.touch(key, client, false);
        for (const key of keys) this.waiters.get(keyOf(key.environmentId, key.dataId))?.delete(waiter);
        for (const key of keys) if (this.waiters.get(keyOf(key.environmentId, key.dataId))?.size === 0) this.waiters.delete(keyOf(key.environmentId, key.dataId));
        cleanups.forEach((c) => c());
        settle(changed);
      },
    };
    this.waiting++;
    for (const key of keys) {
      const k = keyOf(key.environmentId, key.dataId);
      if (!this.waiters.has(k)) this.waiters.set(k, new Set());
      this.waiters.get(k)!.add(waiter);
      this.touch(key, client, true);
    }
    return {
      finish: waiter.finish,
      wait: (holdMs, signal) => {
        const timer = setTimeout(() => waiter.finish([]), Math.max(0, holdMs));
        cleanups.push(() => clearTimeout(timer));
        if (signal) {
          const abort = () => waiter.finish([]);
          if (signal.aborted) abort();
          else {
            signal.addEventListener("abort", abort, { once: true });
            cleanups.push(() => signal.removeEventListener("abort", abort));
          }
        }
        return result;
      },
    };
  }

  /** The clients that listened to a key lately, oldest first. */
  clientsOf(environmentId: number, dataId: string): SeenClient[] {
    const k = keyOf(environmentId, dataId);
    const clients = this.seen.get(k);
    if (!clients) return [];
    const cutoff = this.now() - FORGET_AFTER_MS;
    for (const [id, c] of clients) if (!c.waiting && c.lastSeenAt.getTime() < cutoff) clients.delete(id);
    if (clients.size === 0) this.seen.delete(k);
    return [...clients.values()].sort((a, b) => a.lastSeenAt.getTime() - b.lastSeenAt.getTime()).map((c) => ({ ...c }));
  }

  private touch(key: WatchedKey, client: ListenerClient, waiting: boolean): void {
    const k = keyOf(key.environmentId, key.dataId);
    if (!this.seen.has(k)) this.seen.set(k, new Map());
    this.seen.get(k)!.set(client.clientId, { ...client, md5: key.md5, lastSeenAt: new Date(this.now()), waiting });
  }

  /** Drops clients gone quiet everywhere, so memory follows recent activity. */
  sweep(): void {
    for (const k of [...this.seen.keys()]) {
      const [environmentId, dataId] = k.split("\u0002");
      this.clientsOf(Number(environmentId), dataId);
    }
  }
}

const holder = globalThis as unknown as { facetListenerHub?: ListenerHub };

/** The process's hub, kept across dev reloads. */
export function listenerHub(): ListenerHub {
  if (!holder.facetListenerHub) {
    holder.facetListenerHub = new ListenerHub();
    setInterval(() => holder.facetListenerHub?.sweep(), FORGET_AFTER_MS).unref();
  }
  return holder.facetListenerHub;
}
