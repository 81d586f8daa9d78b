// The closed set of domain errors. Transport problems (malformed JSON, oversized bodies)
// are not domain states: they live in lib/http/transport-error.ts.
export const ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHORIZED",
  "CONFLICT",
  "VALIDATION",
  "BAD_REQUEST",
  "LIMIT_EXCEEDED",
  "PRECONDITION_FAILED",
  "UPSTREAM",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Marks a zod check whose failure makes the request malformed (400) rather than invalid (422):
 *  an identifier that can never name anything, such as a Nacos dataId with a space. */
export const BAD_REQUEST_ISSUE = { params: { badRequest: true } } as const;

export interface FieldIssue {
  path: string;
  message: string;
  /** 1-based position in a submitted YAML document, when the issue is in one (null: nowhere in it). */
  line?: number | null;
  column?: number | null;
}

export interface AppErrorOptions {
  /** Field-level issues for VALIDATION and BAD_REQUEST. */
  errors?: FieldIssue[];
  /** Seconds until a retry may succeed (LIMIT_EXCEEDED, UPSTREAM). */
  retryAfter?: number;
  /** For UPSTREAM: which backend failed and whether a retry may help. */
  upstream?: { name: string; retryable: boolean };
  /** Safe, structured details shown to the client (numbers, names the actor may know). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly options: AppErrorOptions;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.options = options;
  }
}

export const notFound = (what = "resource") => new AppError("NOT_FOUND", `The ${what} does not exist.`);
export const forbidden = (message = "You are not allowed to do this.") => new AppError("FORBIDDEN", message);
export const unauthorized = (message = "Sign in or send a valid bearer token.") =>
  new AppError("UNAUTHORIZED", message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError("CONFLICT", message, { details });

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
