// Safe for client components: shares for the overview's charts.

/** used / limit as a percentage with one decimal; null when either is unknown or the limit is 0. */
export function percent(used: number | null | undefined, limit: number | null | undefined): number | null {
  if (used == null || limit == null || limit <= 0) return null;
  return Math.round((used / limit) * 1000) / 10;
}

export const pct = (v: number | null) => (v === null ? "—" : `${v}%`);
