import "server-only";
import { operation } from "@/lib/core/operation";
import { checkModelSource } from "./check-model-source";
import { createModelSource } from "./create-model-source";
import { deleteModelSource } from "./delete-model-source";
import { getCatalogModel } from "./get-catalog-model";
import { getModelSource } from "./get-model-source";
import { getSync } from "./get-sync";
import { listCatalogModels } from "./list-catalog-models";
import { listModelSources } from "./list-model-sources";
import { listRatings } from "./list-ratings";
import { rateModel } from "./rate-model";
import * as s from "./schemas";
import { startSync } from "./start-sync";
import { stopSync } from "./stop-sync";
import { updateCatalogModel } from "./update-catalog-model";
import { updateModelSource } from "./update-model-source";

// The model catalog's operations (issue 15), served by app/api/v1/model-sources route files.
export const catalogOps = {
  listModelSources: operation({
    verb: listModelSources,
    handler: ({ ctx }) => listModelSources({ ctx, input: undefined }),
  }),
  createModelSource: operation({
    verb: createModelSource,
    body: s.SourceBody,
    status: 201,
    handler: ({ ctx, input }) => createModelSource({ ctx, input: input.body }),
  }),
  getModelSource: operation({
    verb: getModelSource,
    params: s.SourceParams,
    handler: ({ ctx, input }) => getModelSource({ ctx, input: input.params }),
  }),
  updateModelSource: operation({
    verb: updateModelSource,
    params: s.SourceParams,
    body: s.SourceUpdate,
    handler: ({ ctx, input }) => updateModelSource({ ctx, input: { source: input.params.source, body: input.body } }),
  }),
  deleteModelSource: operation({
    verb: deleteModelSource,
    params: s.SourceParams,
    handler: ({ ctx, input }) => deleteModelSource({ ctx, input: input.params }),
  }),
  listCatalogModels: operation({
    verb: listCatalogModels,
    params: s.SourceParams,
    query: s.CatalogQuery,
    handler: ({ ctx, input }) => listCatalogModels({ ctx, input: { ...input.query, source: input.params.source } }),
  }),
  getCatalogModel: operation({
    verb: getCatalogModel,
    params: s.ModelParams,
    handler: ({ ctx, input }) => getCatalogModel({ ctx, input: input.params }),
  }),
  updateCatalogModel: operation({
    verb: updateCatalogModel,
    params: s.ModelParams,
    body: s.ModelAdminUpdate,
    handler: ({ ctx, input }) =>
      updateCatalogModel({ ctx, input: { source: input.params.source, model: input.params.model, body: input.body } }),
  }),
  listRatings: operation({
    verb: listRatings,
    params: s.RatingParams,
    handler: ({ ctx, input }) => listRatings({ ctx, input: input.params }),
  }),
  rateModel: operation({
    verb: rateModel,
    params: s.RatingParams,
    body: s.RatingBody,
    status: 201,
    handler: ({ ctx, input }) =>
      rateModel({ ctx, input: { source: input.params.source, model: input.params.model, body: input.body } }),
  }),
  startSync: operation({
    verb: startSync,
    params: s.SourceParams,
    status: 202,
    handler: ({ ctx, input }) => startSync({ ctx, input: input.params }),
  }),
  getSync: operation({
    verb: getSync,
    params: s.SourceParams,
    handler: ({ ctx, input }) => getSync({ ctx, input: input.params }),
  }),
  stopSync: operation({
    verb: stopSync,
    params: s.SourceParams,
    handler: ({ ctx, input }) => stopSync({ ctx, input: input.params }),
  }),
  checkModelSource: operation({
    verb: checkModelSource,
    params: s.SourceParams,
    handler: ({ ctx, input }) => checkModelSource({ ctx, input: input.params }),
  }),
};
