import type { ZodError, ZodType } from "zod";
import { AppError, type FieldIssue } from "@/lib/errors";

export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join(".") : "(root)",
    message: issue.message,
  }));
}

/** The domain error for a failed parse: BAD_REQUEST when a marked check failed, else VALIDATION. */
export function parseError(error: ZodError, errors: FieldIssue[] = zodIssues(error)): AppError {
  const malformed = error.issues.some(
    (i) => i.code === "custom" && (i.params as { badRequest?: boolean } | undefined)?.badRequest,
  );
  return new AppError(malformed ? "BAD_REQUEST" : "VALIDATION", "The request does not match the expected shape.", {
    errors,
  });
}

export function parseWith<T>(schema: ZodType<T> | undefined, value: unknown, prefix: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = zodIssues(result.error).map((i) => ({
    ...i,
    path: i.path === "(root)" ? prefix : `${prefix}.${i.path}`,
  }));
  throw parseError(result.error, errors);
}
