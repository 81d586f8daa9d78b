import type { NextRequest } from "next/server";
import { route } from "@/lib/http/route";
import { catalogOps as ops } from "@/lib/models/catalog/operations";

type Context = { params: Promise<{ source: string; model: string[] }> };

// Model ids contain "/" (owner/name): a catch-all, since Next decodes %2F in one segment inconsistently.
// A trailing "ratings" segment selects the model's ratings (…/models/{model}/ratings).
const getModel = route(ops.getCatalogModel);
const listRatings = route(ops.listRatings);
const endsWithRatings = async (context: Context) => {
  const { model } = await context.params;
  return model.length > 1 && model[model.length - 1] === "ratings";
};

export const GET = Object.assign(
  async (request: NextRequest, context: Context) =>
    (await endsWithRatings(context)) ? listRatings(request, context) : getModel(request, context),
  getModel,
);
export const PUT = route(ops.updateCatalogModel);
export const POST = route(ops.rateModel);
