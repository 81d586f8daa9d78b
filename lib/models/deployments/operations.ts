import "server-only";
import { operation } from "@/lib/core/operation";
import { environmentScope } from "@/lib/tenancy/scope";
import { EnvironmentParams } from "@/lib/tenancy/schemas";
import { createDeployment } from "./create-deployment";
import { deleteDeployment } from "./delete-deployment";
import { getDeployment } from "./get-deployment";
import { listDeployments } from "./list-deployments";
import * as s from "./schemas";
import { updateDeployment } from "./update-deployment";

const E = { params: EnvironmentParams, scope: environmentScope };
const D = { params: s.DeploymentParams, scope: environmentScope };

export const modelDeploymentOps = {
  listModelDeployments: operation({
    ...E,
    verb: listDeployments,
    handler: ({ ctx }) => listDeployments({ ctx, input: undefined }),
  }),
  createModelDeployment: operation({
    ...E,
    verb: createDeployment,
    body: s.DeploymentBody,
    status: 201,
    handler: ({ ctx, input }) => createDeployment({ ctx, input: input.body }),
  }),
  getModelDeployment: operation({
    ...D,
    verb: getDeployment,
    handler: ({ ctx, input }) => getDeployment({ ctx, input: { name: input.params.name } }),
  }),
  updateModelDeployment: operation({
    ...D,
    verb: updateDeployment,
    body: s.UpdateDeploymentBody,
    handler: ({ ctx, input }) => updateDeployment({ ctx, input: { name: input.params.name, body: input.body } }),
  }),
  deleteModelDeployment: operation({
    ...D,
    verb: deleteDeployment,
    handler: ({ ctx, input }) => deleteDeployment({ ctx, input: { name: input.params.name } }),
  }),
};
