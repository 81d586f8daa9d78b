// Safe to import from client components: react-query key and fetcher for the console search.
import { getJson } from "@/lib/query/get-json";
import type { SearchResultsDto } from "./schemas";

export const searchKeys = {
  results: (q: string) => ["search", q] as const,
};

export const fetchSearch = (q: string) => getJson<SearchResultsDto>(`/api/v1/search?q=${encodeURIComponent(q)}`);
