import "server-only";
import { processSingleton } from "@/lib/cache";

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

/** What the hub holds at most; a request past a limit is refused before it is registered. */
export interface HubLimits {
  /** Held requests at once; beyond that Nacos answers 503 and so do we. */
  waiters: number;
  /** Held requests watching one config. */
  waitersPerKey: number;
  /** Held requests of one principal (config key or user). */
  waitersPerPrincipal: number;
  /** Keys watched by one principal's held requests together. */
  keysPerPrincipal: number;
  /** Keys watched by all held requests together: with the above, memory stays bounded. */
  keys: number;
  /** Recent clients remembered per config (the oldest go first). */
  clientsPerKey: number;
  /** Recent clients remembered over all configs (the configs polled longest ago go first). */
  clients: number;
}

export const DEFAULT_HUB_LIMITS: HubLimits = {
  waiters: 10_000,
  waitersPerKey: 1_000,
  waitersPerPrincipal: 256,
  keysPerPrincipal: 30_000,
  keys: 300_000,
  clientsPerKey: 256,
  clients: 300_000,
};

/** A request the hub will not hold: `status` 503 when the whole hub is full, else 429. */
export class ListenerLimit extends Error {
  constructor(
    readonly status: 429 | 503,
    message: string,
  ) {
    super(message);
    this.name = "ListenerLimit";
  }
}

export interface Registration {
  /** Resolves with the keys that changed, or [] when the hold time passed. */
  wait(holdMs: number, signal?: AbortSignal): Promise<WatchedKey[]>;
  /** Answers now (with what changed) and stops listening. */
  finish(changed: WatchedKey[]): void;
}

/** A client that polled more than this long ago and is not waiting has gone. */
const FORGET_AFTER_MS = 90_000;

const keyOf = (environmentId: number, dataId: string) => `${environmentId}\u0002${dataId}`;

export class ListenerHub {
  private waiters = new Map<string, Set<Waiter>>();
  private seen = new Map<string, Map<string, SeenClient>>();
  private waiting = 0;
  private watchedKeys = 0;
  private seenCount = 0;
  private byPrincipal = new Map<string, { waiters: number; keys: number }>();
  readonly limits: HubLimits;

  constructor(
    private readonly now: () => number = Date.now,
    limits: Partial<HubLimits> = {},
  ) {
    this.limits = { ...DEFAULT_HUB_LIMITS, ...limits };
  }

  get waiterCount(): number {
    return this.waiting;
  }

  /** Called after a change commits: answers every waiter that holds another MD5. */
  notify(environmentId: number, dataId: string, md5: string): void {
    for (const waiter of [...(this.waiters.get(keyOf(environmentId, dataId)) ?? [])]) {
      const changed = waiter.keys.filter(
        (k) => k.environmentId === environmentId && k.dataId === dataId && k.md5 !== md5,
      );
      if (changed.length) waiter.finish(changed);
    }
  }

  /** Throws ListenerLimit when one more request of `principal` watching `count` keys would pass a
   *  total or per-principal limit: checked again at registration, first before costly work. */
  precheck(principal: string, count: number): void {
    const mine = this.byPrincipal.get(principal) ?? { waiters: 0, keys: 0 };
    if (this.waiting >= this.limits.waiters || this.watchedKeys + count > this.limits.keys)
      throw new ListenerLimit(503, "too many listeners");
    if (mine.waiters >= this.limits.waitersPerPrincipal)
      throw new ListenerLimit(
        429,
        `too many listeners: at most ${this.limits.waitersPerPrincipal} held requests per credential`,
      );
    if (mine.keys + count > this.limits.keysPerPrincipal)
      throw new ListenerLimit(
        429,
        `too many listeners: at most ${this.limits.keysPerPrincipal} watched keys per credential`,
      );
  }

  /** Throws ListenerLimit when holding one more request for `principal` would pass a limit. */
  private admit(keys: WatchedKey[], principal: string): void {
    this.precheck(principal, keys.length);
    for (const key of keys) {
      if ((this.waiters.get(keyOf(key.environmentId, key.dataId))?.size ?? 0) >= this.limits.waitersPerKey)
        throw new ListenerLimit(429, `too many listeners on ${key.dataId}`);
    }
  }

  private count(principal: string, waiters: number, keys: number): void {
    const mine = this.byPrincipal.get(principal) ?? { waiters: 0, keys: 0 };
    mine.waiters += waiters;
    mine.keys += keys;
    this.waiting += waiters;
    this.watchedKeys += keys;
    if (mine.waiters <= 0) this.byPrincipal.delete(principal);
    else this.byPrincipal.set(principal, mine);
  }

  /**
   * Starts listening before the caller compares MD5s, so no change slips between the two.
   * Throws ListenerLimit, registering nothing, when a limit would be passed.
   */
  register(keys: WatchedKey[], client: ListenerClient, principal = client.clientId): Registration {
    const unique = [...new Map(keys.map((k) => [keyOf(k.environmentId, k.dataId), k])).values()];
    this.admit(unique, principal);
    let settle: (changed: WatchedKey[]) => void = () => {};
    let done = false;
    const result = new Promise<WatchedKey[]>((resolve) => (settle = resolve));
    const cleanups: (() => void)[] = [];
    const waiter: Waiter = {
      keys,
      finish: (changed) => {
        if (done) return;
        done = true;
        this.count(principal, -1, -unique.length);
        this.touch(unique, client, false);
        for (const key of unique) {
          const k = keyOf(key.environmentId, key.dataId);
          const set = this.waiters.get(k);
          set?.delete(waiter);
          if (set?.size === 0) this.waiters.delete(k);
        }
        cleanups.forEach((c) => c());
        settle(changed);
      },
    };
    this.count(principal, 1, unique.length);
    for (const key of unique) {
      const k = keyOf(key.environmentId, key.dataId);
      const set = this.waiters.get(k) ?? new Set<Waiter>();
      if (!set.size) this.waiters.set(k, set);
      set.add(waiter);
    }
    this.touch(unique, client, true);
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
    for (const [id, c] of clients)
      if (!c.waiting && c.lastSeenAt.getTime() < cutoff && clients.delete(id)) this.seenCount--;
    if (clients.size === 0) this.seen.delete(k);
    return [...clients.values()].sort((a, b) => a.lastSeenAt.getTime() - b.lastSeenAt.getTime()).map((c) => ({ ...c }));
  }

  /** Records a poll; one pass, one timestamp, entries updated in place (polls are frequent). */
  private touch(keys: WatchedKey[], client: ListenerClient, waiting: boolean): void {
    const at = new Date(this.now());
    for (const key of keys) {
      const k = keyOf(key.environmentId, key.dataId);
      let clients = this.seen.get(k);
      const known = clients?.get(client.clientId);
      if (known) {
        Object.assign(known, { md5: key.md5, lastSeenAt: at, waiting });
        continue;
      }
      // Full: the configs and clients first recorded go first.
      while (this.seenCount >= this.limits.clients) {
        const [firstKey, first] = this.seen.entries().next().value!;
        if (first.size === 0) this.seen.delete(firstKey);
        else this.forget(first, first.keys().next().value!);
      }
      if (!clients || !this.seen.has(k)) this.seen.set(k, (clients = clients ?? new Map()));
      if (clients.size >= this.limits.clientsPerKey) this.forget(clients, clients.keys().next().value!);
      clients.set(client.clientId, { ...client, md5: key.md5, lastSeenAt: at, waiting });
      this.seenCount++;
    }
  }

  private forget(clients: Map<string, SeenClient>, clientId: string): void {
    if (clients.delete(clientId)) this.seenCount--;
  }

  /** Drops clients gone quiet everywhere, so memory follows recent activity. */
  sweep(): void {
    for (const k of [...this.seen.keys()]) {
      const [environmentId, dataId] = k.split("\u0002");
      this.clientsOf(Number(environmentId), dataId);
    }
  }
}

/** The process's hub, kept across dev reloads. */
export function listenerHub(): ListenerHub {
  return processSingleton("config-center.listener-hub", () => {
    const hub = new ListenerHub();
    setInterval(() => hub.sweep(), FORGET_AFTER_MS).unref();
    return hub;
  });
}
