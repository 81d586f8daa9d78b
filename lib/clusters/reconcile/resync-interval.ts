/** How often environments are re-applied to their clusters and clusters probed. */
export function resyncIntervalMs(): number {
  return Number(process.env.FACET_RESYNC_SECONDS ?? 30) * 1000;
}
