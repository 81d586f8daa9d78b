// Safe to import from client components: the fetch behind react-query mutations of /api/v1
// whose answer the page needs in full (a problem's errors[] with lines, a stale edit's diff).
import { HttpError } from "./get-json";

/** A problem+json answer, kept whole: its extra members (errors[], diff) drive the UI. */
export class ProblemError extends HttpError {
  constructor(
    status: number,
    readonly problem: { detail?: string; title?: string; [extra: string]: unknown },
  ) {
    super(status, String(problem.detail ?? problem.title ?? status));
  }
}

/** Sends JSON with the session cookie (same origin, so the server's same-site check passes). */
export async function sendJson<T>(method: "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    const problem = await res.json().catch(() => ({ detail: res.statusText }));
    throw new ProblemError(res.status, problem);
  }
  return (res.status === 204 ? undefined : await res.json()) as T;
}
