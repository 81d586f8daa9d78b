// Failed sign-ins per minute, by account and by client address: the rule, in memory, for one
// process. Sign-in uses shared-login-throttle.ts, the same rule over the database, so that
// several replicas count the same failures.
// Callers pass keys that are already normalised (resolve-login-account.ts, client-address.ts):
// this class compares them as given.
export const MAX_FAILURES = 10;
export const WINDOW_MS = 60_000;

type Clock = () => number;

export class LoginThrottle {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly max = MAX_FAILURES,
    private readonly windowMs = WINDOW_MS,
    private readonly now: Clock = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  private keys(account: string | null, address: string | null): string[] {
    const keys: string[] = [];
    if (account !== null) keys.push(`u:${account}`);
    if (address) keys.push(`a:${address}`);
    return keys;
  }

  /** Seconds to wait before another attempt, or 0 when one is allowed now. A null account
   *  checks the address alone (before the account has been looked up). */
  retryAfter(account: string | null, address: string | null): number {
    let wait = 0;
    for (const key of this.keys(account, address)) {
      const list = this.recent(key);
      if (list.length >= this.max) {
        const oldestThatCounts = list[list.length - this.max];
        wait = Math.max(wait, Math.ceil((oldestThatCounts + this.windowMs - this.now()) / 1000));
      }
    }
    return wait;
  }

  recordFailure(account: string, address: string | null): void {
    for (const key of this.keys(account, address)) {
      const list = this.recent(key);
      list.push(this.now());
      this.failures.set(key, list);
    }
  }

  recordSuccess(account: string): void {
    this.failures.delete(`u:${account}`);
  }

  /** Drops empty windows so memory stays bounded by recent activity. */
  sweep(): void {
    for (const key of [...this.failures.keys()]) this.recent(key);
  }
}
