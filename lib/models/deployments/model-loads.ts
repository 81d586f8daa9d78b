import "server-only";
import { processSingleton } from "@/lib/cache/process-singleton";
import { sharedPool } from "../runtime/shared-pool";
import { V2Error } from "../runtime/v2-error";

export type LoadState = { state: "loading" } | { state: "loaded" } | { state: "failed"; reason: string };

// pool.loaded() also lists models whose worker is still starting, so what finished loading (or
// why it failed) is tracked here, per implementation, for every deployment of this process.
const loads = () => processSingleton("models.deployment-loads", () => new Map<string, LoadState>());

/** Starts loading the implementation unless it is loaded or loading; `retry` also retries a failure. */
export function ensureLoaded(implementation: string, options: { retry?: boolean; reload?: boolean } = {}): LoadState {
  const pool = sharedPool();
  const known = loads().get(implementation);
  // Idle models are unloaded by the pool: loaded here but gone there means load again.
  const gone = known?.state === "loaded" && !pool.loaded().includes(implementation);
  const again = options.reload || gone || !known || (known.state === "failed" && options.retry);
  if (!again) return known;
  if (options.reload) pool.unload(implementation);
  const state: LoadState = { state: "loading" };
  loads().set(implementation, state);
  pool.load(implementation).then(
    () => loads().get(implementation) === state && loads().set(implementation, { state: "loaded" }),
    (error: Error) => {
      if (loads().get(implementation) !== state) return;
      // A full pool is not the model's fault: forget the attempt so the next status read retries.
      if (error instanceof V2Error && error.status === 503 && /try again/.test(error.message))
        loads().delete(implementation);
      else loads().set(implementation, { state: "failed", reason: `The model failed to load: ${error.message}` });
    },
  );
  return state;
}

export const loadState = (implementation: string): LoadState | undefined => loads().get(implementation);
