// Safe to import from client components: key and fetcher of the overview.
import { getJson } from "@/lib/query/get-json";
import type { Overview } from "./schemas";

export const overviewKeys = { overview: () => ["overview"] as const };
export const fetchOverview = () => getJson<Overview>("/api/v1/overview");
