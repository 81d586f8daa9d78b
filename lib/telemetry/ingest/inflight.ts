import "server-only";

// Every push receiver (OTLP, Loki) shares one budget of requests decoded at once, and each
// token gets a share of it: one tenant's slow uploads never take the whole receiver.
const limits = {
  maxInflight: Number(process.env.FACET_OTLP_MAX_INFLIGHT ?? 16),
  maxInflightPerToken: Number(process.env.FACET_OTLP_MAX_INFLIGHT_PER_TOKEN ?? 4),
};
let inflight = 0;
const byToken = new Map<number, number>();

export type InflightLimits = typeof limits;

/** For tests and benches. */
export function configureInflight(changes: Partial<InflightLimits>): void {
  Object.assign(limits, changes);
}

/** A slot for one request of this token: its release, or which limit is full. */
export function acquireIngestSlot(tokenId: number): { release: () => void } | { full: "token" | "global" } {
  const mine = byToken.get(tokenId) ?? 0;
  if (mine >= limits.maxInflightPerToken) return { full: "token" };
  if (inflight >= limits.maxInflight) return { full: "global" };
  inflight++;
  byToken.set(tokenId, mine + 1);
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      inflight--;
      const left = (byToken.get(tokenId) ?? 1) - 1;
      if (left > 0) byToken.set(tokenId, left);
      else byToken.delete(tokenId);
    },
  };
}
