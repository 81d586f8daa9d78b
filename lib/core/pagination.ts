import "server-only";
import { AppError } from "@/lib/errors";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Opaque cursors: the sort key of the last item, base64url-encoded. */
export const encodeCursor = (key: string | number) => Buffer.from(String(key)).toString("base64url");
export const decodeCursor = (cursor?: string) => (cursor ? Buffer.from(cursor, "base64url").toString() : undefined);

/** A cursor over numeric ids: anything but one this API handed out is refused, never queried. */
export function decodeIdCursor(cursor?: string): number | undefined {
  const text = decodeCursor(cursor);
  if (text === undefined) return undefined;
  if (!/^[1-9][0-9]{0,15}$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new AppError("VALIDATION", "The cursor is not one this API handed out.", {
      errors: [{ path: "query.cursor", message: "Use nextCursor from the previous page." }],
    });
  }
  return Number(text);
}

/** Lists fetch limit + 1 rows; the extra row says whether there is a next page. */
export function toPage<R, T>(rows: R[], limit: number, key: (row: R) => string | number, map: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items: items.map(map), nextCursor: more ? encodeCursor(key(items[items.length - 1])) : null };
}

/** A LIKE pattern matching names that contain q, with LIKE's wildcards escaped. */
export const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
