// Safe to import from client components.
import { ProblemError } from "@/lib/query/send-json";

/** A refused write's field errors (422 problem+json errors[]), keyed by body path ("checks.validStatusCodes"). */
export function problemFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ProblemError)) return {};
  const errors = error.problem.errors;
  if (!Array.isArray(errors)) return {};
  const out: Record<string, string> = {};
  for (const e of errors as { path?: unknown; message?: unknown }[]) {
    const path = String(e.path ?? "").replace(/^body\./, "");
    out[path] ??= String(e.message ?? "");
  }
  return out;
}

/** The first error at a path or under it ("checks" matches "checks.validStatusCodes.0"). */
export function errorUnder(errors: Record<string, string>, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const key = Object.keys(errors).find((k) => k.startsWith(`${path}.`) || k.startsWith(`${path}[`));
  return key ? errors[key] : undefined;
}

/** Errors no field on the form shows, so the form can list them instead of dropping them. */
export function unplacedErrors(errors: Record<string, string>, shown: readonly string[]): [string, string][] {
  return Object.entries(errors).filter(
    ([k]) => !shown.some((s) => k === s || k.startsWith(`${s}.`) || k.startsWith(`${s}[`)),
  );
}
