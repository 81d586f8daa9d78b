import "server-only";
import { readBoundedBody } from "@/lib/core/read-bounded-body";

/** Nacos v1 reads parameters from the query string and from form bodies alike. */
const MAX_FORM_BYTES = 1024 * 1024;

/**
 * Query and form parameters merged (query first). Percent-escapes are UTF-8 whatever the
 * Content-Type's charset says: the Node SDK labels UTF-8 bodies `charset=GBK` or `utf8`.
 */
export async function readParams(request: Request): Promise<URLSearchParams> {
  const params = new URLSearchParams(new URL(request.url).searchParams);
  if (request.method === "GET" || request.method === "HEAD") return params;
  const body = await readBoundedBody(request, { limit: MAX_FORM_BYTES });
  const type = request.headers.get("content-type") ?? "";
  if (body.length && !/json|multipart/i.test(type)) {
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params.append(k, v);
  }
  return params;
}

/** A parameter, "" when absent. */
export const param = (params: URLSearchParams, name: string) => params.get(name) ?? "";

/** A positive integer parameter (pageNo, pageSize), capped; the fallback when absent or bad. */
export function intParam(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}
