import "server-only";
import { AppError } from "@/lib/errors";
import { TransportError } from "@/lib/core/transport-error";

// Nacos v1 answers: status codes carry the meaning, bodies are plain text or bare JSON.
const NO_CACHE = { "Cache-Control": "no-cache,no-store", Pragma: "no-cache", Expires: "0" };

export function textReply(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=UTF-8", ...NO_CACHE, ...headers },
  });
}

export function jsonReply(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=UTF-8", ...NO_CACHE },
  });
}

export const NOT_EXIST = "config data not exist";

const STATUS: Record<AppError["code"], number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  // Nacos refuses missing or bad credentials with 403.
  UNAUTHORIZED: 403,
  CONFLICT: 409,
  VALIDATION: 400,
  BAD_REQUEST: 400,
  LIMIT_EXCEEDED: 429,
  PRECONDITION_FAILED: 409,
  UPSTREAM: 502,
  INTERNAL: 500,
};

/** Maps any error to a Nacos-style plain-text answer; internal errors keep their message. */
export function nacosErrorReply(error: unknown): { response: Response; internal: boolean } {
  if (error instanceof TransportError) return { response: textReply(error.message, error.status), internal: false };
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.options.retryAfter !== undefined)
      headers["Retry-After"] = String(Math.max(1, Math.ceil(error.options.retryAfter)));
    const body = error.code === "INTERNAL" ? "internal error" : error.message;
    return { response: textReply(body, STATUS[error.code], headers), internal: error.code === "INTERNAL" };
  }
  return { response: textReply("internal error", 500), internal: true };
}
