import type { ModelSpec } from "../model-spec";
import { entitiesModel } from "./entities";
import { ocrModel } from "./ocr";
import { sentimentModel } from "./sentiment";

/** The models the built-in runtime can serve, by the implementation name a modelx manifest names. */
export const BUILTIN_MODELS: ReadonlyMap<string, ModelSpec> = new Map(
  [sentimentModel, entitiesModel, ocrModel].map((m) => [m.name, m]),
);
