import "server-only";
import { operation } from "@/lib/core/operation";
import { environmentScope } from "@/lib/tenancy/scope";
import { EnvironmentParams } from "@/lib/tenancy/schemas";
import { createClusterFlow } from "./create-cluster-flow";
import { createClusterOutput } from "./create-cluster-output";
import { createFlow } from "./create-flow";
import { createOutput } from "./create-output";
import { deleteClusterFlow } from "./delete-cluster-flow";
import { deleteClusterOutput } from "./delete-cluster-output";
import { deleteFlow } from "./delete-flow";
import { deleteOutput } from "./delete-output";
import { getClusterFlow } from "./get-cluster-flow";
import { getClusterOutput } from "./get-cluster-output";
import { getFlow } from "./get-flow";
import { getOutput } from "./get-output";
import { listClusterFlows } from "./list-cluster-flows";
import { listClusterOutputs } from "./list-cluster-outputs";
import { listFlows } from "./list-flows";
import { listOutputs } from "./list-outputs";
import * as s from "./schemas";
import { setCollectAll } from "./set-collect-all";
import { updateClusterFlow } from "./update-cluster-flow";
import { updateClusterOutput } from "./update-cluster-output";
import { updateFlow } from "./update-flow";
import { updateOutput } from "./update-output";
import { validateLoggingObject } from "./validate-logging-object";

// Every logging operation (issue 13), served by app/api/v1/**/logging route files.
const E = { params: EnvironmentParams, scope: environmentScope };
const O = { params: s.LoggingObjectParams, scope: environmentScope };
const C = { params: s.ClusterLoggingParams };
const CO = { params: s.ClusterLoggingObjectParams };

export const loggingOps = {
  listLoggingFlows: operation({ ...E, verb: listFlows, handler: ({ ctx }) => listFlows({ ctx, input: undefined }) }),
  createLoggingFlow: operation({
    ...E,
    verb: createFlow,
    body: s.FlowBody,
    status: 201,
    handler: ({ ctx, input }) => createFlow({ ctx, input: input.body }),
  }),
  getLoggingFlow: operation({
    ...O,
    verb: getFlow,
    handler: ({ ctx, input }) => getFlow({ ctx, input: { name: input.params.name } }),
  }),
  updateLoggingFlow: operation({
    ...O,
    verb: updateFlow,
    body: s.FlowBody,
    handler: ({ ctx, input }) => updateFlow({ ctx, input: { name: input.params.name, body: input.body } }),
  }),
  deleteLoggingFlow: operation({
    ...O,
    verb: deleteFlow,
    handler: ({ ctx, input }) => deleteFlow({ ctx, input: { name: input.params.name } }),
  }),
  listLoggingOutputs: operation({
    ...E,
    verb: listOutputs,
    handler: ({ ctx }) => listOutputs({ ctx, input: undefined }),
  }),
  createLoggingOutput: operation({
    ...E,
    verb: createOutput,
    body: s.OutputBody,
    status: 201,
    handler: ({ ctx, input }) => createOutput({ ctx, input: input.body }),
  }),
  getLoggingOutput: operation({
    ...O,
    verb: getOutput,
    handler: ({ ctx, input }) => getOutput({ ctx, input: { name: input.params.name } }),
  }),
  updateLoggingOutput: operation({
    ...O,
    verb: updateOutput,
    body: s.OutputBody,
    handler: ({ ctx, input }) => updateOutput({ ctx, input: { name: input.params.name, body: input.body } }),
  }),
  deleteLoggingOutput: operation({
    ...O,
    verb: deleteOutput,
    handler: ({ ctx, input }) => deleteOutput({ ctx, input: { name: input.params.name } }),
  }),
  validateLoggingObject: operation({
    ...E,
    verb: validateLoggingObject,
    body: s.YamlBody,
    handler: ({ ctx, input }) => validateLoggingObject({ ctx, input: input.body }),
  }),
  setLoggingCollectAll: operation({
    ...E,
    verb: setCollectAll,
    body: s.CollectAllBody,
    handler: ({ ctx, input }) => setCollectAll({ ctx, input: input.body }),
  }),
  listClusterFlows: operation({
    ...C,
    verb: listClusterFlows,
    handler: ({ ctx, input }) => listClusterFlows({ ctx, input: input.params }),
  }),
  createClusterFlow: operation({
    ...C,
    verb: createClusterFlow,
    body: s.YamlBody,
    status: 201,
    handler: ({ ctx, input }) => createClusterFlow({ ctx, input: { cluster: input.params.cluster, body: input.body } }),
  }),
  getClusterFlow: operation({
    ...CO,
    verb: getClusterFlow,
    handler: ({ ctx, input }) => getClusterFlow({ ctx, input: input.params }),
  }),
  updateClusterFlow: operation({
    ...CO,
    verb: updateClusterFlow,
    body: s.YamlBody,
    handler: ({ ctx, input }) => updateClusterFlow({ ctx, input: { ...input.params, body: input.body } }),
  }),
  deleteClusterFlow: operation({
    ...CO,
    verb: deleteClusterFlow,
    handler: ({ ctx, input }) => deleteClusterFlow({ ctx, input: input.params }),
  }),
  listClusterOutputs: operation({
    ...C,
    verb: listClusterOutputs,
    handler: ({ ctx, input }) => listClusterOutputs({ ctx, input: input.params }),
  }),
  createClusterOutput: operation({
    ...C,
    verb: createClusterOutput,
    body: s.OutputBody,
    status: 201,
    handler: ({ ctx, input }) =>
      createClusterOutput({ ctx, input: { cluster: input.params.cluster, body: input.body } }),
  }),
  getClusterOutput: operation({
    ...CO,
    verb: getClusterOutput,
    handler: ({ ctx, input }) => getClusterOutput({ ctx, input: input.params }),
  }),
  updateClusterOutput: operation({
    ...CO,
    verb: updateClusterOutput,
    body: s.OutputBody,
    handler: ({ ctx, input }) => updateClusterOutput({ ctx, input: { ...input.params, body: input.body } }),
  }),
  deleteClusterOutput: operation({
    ...CO,
    verb: deleteClusterOutput,
    handler: ({ ctx, input }) => deleteClusterOutput({ ctx, input: input.params }),
  }),
};
