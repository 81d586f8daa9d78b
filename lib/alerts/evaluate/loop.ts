import "server-only";
import { logger } from "@/lib/observability/logger";
import { runRound } from "./run-round";

// The leader's evaluation loop: a round every FACET_ALERT_EVAL_SECONDS; a round still running
// when the next is due makes the next one wait (rounds never overlap).

let timer: NodeJS.Timeout | undefined;
let running: Promise<unknown> | null = null;

export const evalIntervalMs = () => Math.max(1, Number(process.env.FACET_ALERT_EVAL_SECONDS ?? 30)) * 1000;

function tick() {
  if (running) return;
  running = runRound()
    .then((s) => logger.debug({ ...s }, "alert evaluation round"))
    .catch((error) => logger.error({ err: error }, "alert evaluation round failed"))
    .finally(() => {
      running = null;
    });
}

export function startEvaluator(): void {
  if (timer) return;
  timer = setInterval(tick, evalIntervalMs()).unref();
  tick();
}

export function stopEvaluator(): void {
  clearInterval(timer);
  timer = undefined;
}

/** For tests: waits for a round in progress. */
export const evaluatorIdle = () => running ?? Promise.resolve();
