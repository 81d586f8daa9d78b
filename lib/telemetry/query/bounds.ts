import { AppError } from "@/lib/errors";

// What one telemetry query may cost: a bounded window and a bounded number of steps per
// series, checked before anything is read or allocated.

/** Points per series (metrics, APM series): enough for any chart, small enough to build. */
export const MAX_POINTS_PER_SERIES = 1000;

const DAY_MS = 86_400_000;
/** Longest window a query may span; more than the store keeps by default (7 days). */
export const MAX_WINDOW_MS = Number(process.env.FACET_TELEMETRY_MAX_WINDOW_DAYS ?? 92) * DAY_MS;

const invalid = (path: string, message: string) => new AppError("VALIDATION", message, { errors: [{ path, message }] });

/** Refuses a window longer than MAX_WINDOW_MS (422 on `query.start`). */
export function assertWindow(startMs: number, endMs: number): void {
  if (endMs - startMs > MAX_WINDOW_MS)
    throw invalid(
      "query.start",
      `The window spans more than ${Math.round(MAX_WINDOW_MS / DAY_MS)} days; choose a later start.`,
    );
}

/** Refuses a step that cuts the window into more than MAX_POINTS_PER_SERIES points (422 on `query.step`). */
export function assertSteps(windowMs: number, stepMs: number): void {
  if (!(stepMs > 0) || windowMs / stepMs > MAX_POINTS_PER_SERIES)
    throw invalid("query.step", `At most ${MAX_POINTS_PER_SERIES} steps per series; use a larger step.`);
}
