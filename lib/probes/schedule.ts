import { createHash } from "node:crypto";

/** A stable offset within the interval, so that probes of one interval spread over it. */
export function phaseOffsetMs(probeId: number, intervalMs: number): number {
  const h = createHash("sha1").update(String(probeId)).digest().readUInt32BE(0);
  return h % intervalMs;
}

/** The first run after `nowMs` on the probe's own phase: t ≡ offset (mod interval). */
export function nextOnPhase(probeId: number, intervalMs: number, nowMs: number): number {
  const offset = phaseOffsetMs(probeId, intervalMs);
  let t = Math.floor(nowMs / intervalMs) * intervalMs + offset;
  while (t <= nowMs) t += intervalMs;
  return t;
}

/** After a run due at `dueMs`: the next slot on the same phase that is still ahead of `nowMs`
 *  (slots missed while Facet was down are skipped, not run in a burst). */
export function nextAfter(dueMs: number, intervalMs: number, nowMs: number): number {
  let t = dueMs + intervalMs;
  if (t <= nowMs) t += Math.ceil((nowMs - t + 1) / intervalMs) * intervalMs;
  return t;
}
