import "server-only";
import { AppError } from "@/lib/errors";
import { staleVersion } from "@/lib/core/if-match";

/** The row a write locked, or 404. */
export function foundOrThrow<T>(row: T | undefined, kind: string): T {
  if (!row) throw new AppError("NOT_FOUND", `The ${kind} does not exist.`);
  return row;
}

/** 412 when the caller's If-Match names another version than the locked row's. */
export function assertVersion(row: { version: number }, expected: number | undefined): void {
  if (expected !== undefined && row.version !== expected) throw staleVersion(expected, row.version);
}

/** Maps MariaDB's duplicate-key error to a 409 that names what is taken. */
export async function uniqueOrConflict<T>(work: Promise<T>, message: string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError("CONFLICT", message);
    throw error;
  }
}

export function isDuplicateKey(error: unknown): boolean {
  let e: unknown = error;
  while (e) {
    if ((e as { code?: string }).code === "ER_DUP_ENTRY") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
