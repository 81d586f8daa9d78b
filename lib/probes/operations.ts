import "server-only";
import { operation } from "@/lib/core/operation";
import { environmentScope } from "@/lib/tenancy/scope";
import { EnvironmentParams } from "@/lib/tenancy/schemas";
import { createProbe } from "./create-probe";
import { deleteProbe } from "./delete-probe";
import { getProbe } from "./get-probe";
import { getProbeObject } from "./get-probe-object";
import { getProbeResults } from "./get-probe-results";
import { listProbes } from "./list-probes";
import * as s from "./schemas";
import { updateProbe } from "./update-probe";

// Every probes operation (issue 14), served by app/api/v1/**/probes route files.
const E = { params: EnvironmentParams, scope: environmentScope };
const P = { params: s.ProbeParams, scope: environmentScope };

export const probesOps = {
  listProbes: operation({ ...E, verb: listProbes, handler: ({ ctx }) => listProbes({ ctx, input: undefined }) }),
  createProbe: operation({
    ...E,
    verb: createProbe,
    body: s.ProbeBody,
    status: 201,
    handler: ({ ctx, input }) => createProbe({ ctx, input: input.body }),
  }),
  getProbe: operation({
    ...P,
    verb: getProbe,
    handler: ({ ctx, input }) => getProbe({ ctx, input: { name: input.params.name } }),
  }),
  updateProbe: operation({
    ...P,
    verb: updateProbe,
    body: s.ProbeUpdateBody,
    handler: ({ ctx, input }) => updateProbe({ ctx, input: { name: input.params.name, body: input.body } }),
  }),
  deleteProbe: operation({
    ...P,
    verb: deleteProbe,
    handler: ({ ctx, input }) => deleteProbe({ ctx, input: { name: input.params.name } }),
  }),
  getProbeResults: operation({
    ...P,
    verb: getProbeResults,
    query: s.ProbeResultsQuery,
    handler: ({ ctx, input }) => getProbeResults({ ctx, input: { name: input.params.name, query: input.query } }),
  }),
  getProbeObject: operation({
    ...P,
    verb: getProbeObject,
    handler: ({ ctx, input }) => getProbeObject({ ctx, input: { name: input.params.name } }),
  }),
};
