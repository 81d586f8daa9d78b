import "server-only";
import { decodeCursor, encodeCursor } from "@/lib/core/pagination";

// Backends page by number (Nacos does), so the JSON API's opaque cursor holds a page number.
export function pageNoOf(cursor?: string): number {
  const n = Number(decodeCursor(cursor) ?? 1);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

export const nextCursorOf = (pageNo: number, pageSize: number, total: number) =>
  pageNo * pageSize < total ? encodeCursor(pageNo + 1) : null;
