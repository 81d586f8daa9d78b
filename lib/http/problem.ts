import { ZodError } from "zod";
import { AppError, type ErrorCode, type FieldIssue } from "@/lib/errors";
import { parseError } from "@/lib/core/parse-with";
import { TransportError } from "@/lib/core/transport-error";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldIssue[];
  [extra: string]: unknown;
}

/** The one table from domain error to HTTP. */
export const PROBLEM_TABLE: Record<ErrorCode, { status: number; title: string }> = {
  NOT_FOUND: { status: 404, title: "Not found" },
  FORBIDDEN: { status: 403, title: "Forbidden" },
  UNAUTHORIZED: { status: 401, title: "Unauthorized" },
  CONFLICT: { status: 409, title: "Conflict" },
  VALIDATION: { status: 422, title: "Validation failed" },
  BAD_REQUEST: { status: 400, title: "Bad request" },
  LIMIT_EXCEEDED: { status: 429, title: "Too many requests" },
  PRECONDITION_FAILED: { status: 412, title: "Precondition failed" },
  UPSTREAM: { status: 502, title: "Upstream failure" },
  INTERNAL: { status: 500, title: "Internal error" },
};

const TRANSPORT_TITLES: Record<TransportError["status"], { code: string; title: string }> = {
  400: { code: "MALFORMED", title: "Malformed request" },
  408: { code: "REQUEST_TIMEOUT", title: "Request timeout" },
  413: { code: "TOO_LARGE", title: "Payload too large" },
  415: { code: "UNSUPPORTED_MEDIA_TYPE", title: "Unsupported media type" },
};

const typeUri = (code: string) => `https://facet.dev/problems/${code.toLowerCase().replace(/_/g, "-")}`;

export interface MappedProblem {
  problem: Problem;
  headers: Record<string, string>;
  /** True when the cause must be logged because the client sees only a generic message. */
  internal: boolean;
}

/** Maps any thrown value to problem+json. Internal errors never echo their message. */
export function toProblem(error: unknown, requestId?: string): MappedProblem {
  const headers: Record<string, string> = {};
  if (error instanceof ZodError) {
    error = parseError(error);
  }
  if (error instanceof TransportError) {
    const t = TRANSPORT_TITLES[error.status];
    return {
      problem: {
        type: typeUri(t.code),
        title: t.title,
        status: error.status,
        detail: error.message,
        code: t.code,
        instance: requestId,
      },
      headers,
      internal: false,
    };
  }
  if (error instanceof AppError) {
    const row = PROBLEM_TABLE[error.code];
    const { errors, retryAfter, upstream, details } = error.options;
    if (retryAfter !== undefined) headers["Retry-After"] = String(Math.max(1, Math.ceil(retryAfter)));
    if (error.code === "UPSTREAM" && upstream?.retryable === false) headers["Cache-Control"] = "no-store";
    const problem: Problem = {
      type: typeUri(error.code),
      title: row.title,
      status: row.status,
      detail:
        error.code === "INTERNAL"
          ? "An internal error occurred. Quote the request id when reporting it."
          : error.message,
      code: error.code,
      instance: requestId,
      ...(details ?? {}),
    };
    if (errors?.length) problem.errors = errors;
    if (upstream) problem.upstream = upstream;
    return { problem, headers, internal: error.code === "INTERNAL" };
  }
  const row = PROBLEM_TABLE.INTERNAL;
  return {
    problem: {
      type: typeUri("INTERNAL"),
      title: row.title,
      status: row.status,
      detail: "An internal error occurred. Quote the request id when reporting it.",
      code: "INTERNAL",
      instance: requestId,
    },
    headers,
    internal: true,
  };
}

export function problemResponse(mapped: MappedProblem, extraHeaders: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(mapped.problem), {
    status: mapped.problem.status,
    headers: { "Content-Type": "application/problem+json", ...mapped.headers, ...extraHeaders },
  });
}
