import { LRUCache } from "lru-cache";
import { processSingleton } from "./process-singleton";

export interface ProcessCacheOptions {
  /** Most entries kept; the least recently used go first. */
  max: number;
  /** Milliseconds an entry lives, whatever happens; 0 for entries that never go stale. */
  ttlMs: number;
}

/** A bounded (size and age) cache shared by every bundle layer of this process. Only a cache:
 *  anything several replicas must agree on lives in the database. */
// lru-cache keys and values are any non-nullish value (its own `{}` bound).
export function processCache<K extends NonNullable<unknown>, V extends NonNullable<unknown>>(
  name: string,
  options: ProcessCacheOptions,
): LRUCache<K, V> {
  return processSingleton(
    `cache.${name}`,
    () => new LRUCache<K, V>({ max: options.max, ttl: options.ttlMs, ttlAutopurge: false }),
  );
}
