import { ModelxError } from "./errors";

/**
 * `?search=` is a regular expression (modelx's own semantics). It is matched by MariaDB's REGEXP
 * as a bound value, whose PCRE engine stops runaway backtracking; here only its length is bounded.
 */
export function searchPattern(search: string | null): string | null {
  if (search === null || search === "") return null;
  if (search.length > 128) throw new ModelxError("INVALID_PARAMETER", "search is at most 128 characters");
  return search;
}
