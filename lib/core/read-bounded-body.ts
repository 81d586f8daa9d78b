import "server-only";
import { TransportError } from "./transport-error";

/** Default deadline for a whole body: a client trickling bytes holds a slot no longer than this. */
const DEFAULT_TIMEOUT_MS = 15_000;

const settings = { timeoutMs: Number(process.env.FACET_BODY_READ_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS) };

/** For tests and benches: the body read deadline of every reader that does not name its own. */
export function configureBodyReads(changes: Partial<typeof settings>): void {
  Object.assign(settings, changes);
}

export interface BodyBounds {
  /** Largest body accepted, in bytes (413 past it). */
  limit: number;
  /** Deadline for the whole body (408 past it); the configured default when left out. */
  timeoutMs?: number;
}

/**
 * The raw request body, refused with 413 as soon as it passes `limit` (declared or sent) and
 * with 408 when it has not fully arrived within the deadline: a slow or endless upload costs
 * at most `limit` bytes of memory and `timeoutMs` of a connection, never more.
 */
export async function readBoundedBody(request: Request, bounds: BodyBounds): Promise<Buffer> {
  const { limit } = bounds;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) throw new TransportError(413, `The body exceeds ${limit} bytes.`);
  if (!request.body) return Buffer.alloc(0);
  const timeoutMs = bounds.timeoutMs ?? settings.timeoutMs;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline]);
      if (next === "timeout")
        throw new TransportError(408, `The body did not arrive within ${Math.round(timeoutMs / 1000)} s.`);
      if (next.done) break;
      total += next.value.byteLength;
      if (total > limit) throw new TransportError(413, `The body exceeds ${limit} bytes.`);
      chunks.push(next.value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks, total);
}
