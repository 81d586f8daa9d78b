// Safe to import from client components: the search query and what it answers.
import { z } from "zod";

/** Longest accepted query: longer than any name Facet stores (config ids are at most 255). */
export const MAX_SEARCH_QUERY = 100;
export const MAX_SEARCH_LIMIT = 10;

export const SearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, "Type something to search for.")
    .max(MAX_SEARCH_QUERY, `Search for at most ${MAX_SEARCH_QUERY} characters.`),
  /** Results per kind. */
  limit: z.coerce.number().int().min(1).max(MAX_SEARCH_LIMIT).default(5),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SEARCH_KINDS = ["trace", "tenant", "project", "environment", "application", "config"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchResultDto {
  kind: SearchKind;
  /** What was matched: the object's own name, data id or trace id. */
  name: string;
  /** Where it lives, for display: "tenant / project / environment". */
  tenant?: string;
  project?: string;
  environment?: string;
  /** The console page it opens. */
  href: string;
}

export interface SearchResultsDto {
  items: SearchResultDto[];
}

/** A W3C trace id: 32 hex digits, not all zero. */
export const isTraceId = (q: string) => /^[0-9a-f]{32}$/i.test(q) && !/^0+$/.test(q);
