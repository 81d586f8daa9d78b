import "server-only";
import { isAppError } from "@/lib/errors";

/** Settles within `ms`: a cluster that hangs is reported as late instead of holding the page. */
export async function withinTime<T>(ms: number, what: string, call: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${Math.round(ms / 1000)} s.`)), ms);
  });
  try {
    return await Promise.race([call(), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** What the page may say about a failed read: domain errors carry a safe message; anything else does not. */
export function failureText(error: unknown): string {
  if (isAppError(error)) return error.code === "INTERNAL" ? "It could not be read." : error.message;
  if (error instanceof Error && / did not answer within /.test(error.message)) return error.message;
  return "It could not be read.";
}
