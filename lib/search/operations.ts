import "server-only";
import { operation } from "@/lib/core/operation";
import { SearchQuery } from "./schemas";
import { searchConsole } from "./search-console";

// The console's global search (Ctrl-K), served by app/api/v1/search.
export const searchOps = {
  searchConsole: operation({
    verb: searchConsole,
    query: SearchQuery,
    handler: ({ ctx, input }) => searchConsole({ ctx, input: input.query }),
  }),
};
