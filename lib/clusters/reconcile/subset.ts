/** True when every field of `desired` is present and equal in `actual` (extra fields in
 *  `actual` are the cluster's own: status, defaults, other controllers' annotations). */
export function isSubset(desired: unknown, actual: unknown): boolean {
  if (desired === null || typeof desired !== "object") return desired === actual || String(desired) === String(actual);
  if (Array.isArray(desired)) {
    return Array.isArray(actual) && desired.length === actual.length && desired.every((d, i) => isSubset(d, actual[i]));
  }
  if (actual === null || typeof actual !== "object") return false;
  return Object.entries(desired as Record<string, unknown>).every(
    ([k, v]) => v === undefined || isSubset(v, (actual as Record<string, unknown>)[k]),
  );
}
