import { route } from "@/lib/http/route";
import { catalogOps as ops } from "@/lib/models/catalog/operations";

// Model ids contain "/" (owner/name): a catch-all, since Next decodes %2F in one segment inconsistently.
export const GET = route(ops.getCatalogModel);
export const PUT = route(ops.updateCatalogModel);
