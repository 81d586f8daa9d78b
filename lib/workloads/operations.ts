import "server-only";
import { operation } from "@/lib/core/operation";
import { environmentScope } from "@/lib/tenancy/scope";
import { EnvironmentParams } from "@/lib/tenancy/schemas";
import { listWorkloads } from "./list-workloads";
import { deleteObject } from "./delete-object";
import { getObjectYaml } from "./get-object-yaml";
import { putObjectYaml } from "./put-object-yaml";
import type { EditableResource } from "./resources";
import { restartApplication } from "@/lib/tenancy/applications/restart-application";
import { scaleApplication } from "@/lib/tenancy/applications/scale-application";
import { ApplicationParams, ObjectParams, PutObjectInput, ScaleInput } from "./schemas";
import { syncEnvironment } from "./sync-now";

const E = { params: EnvironmentParams, scope: environmentScope };
const target = (p: { resource: string; name: string }) => ({ resource: p.resource as EditableResource, name: p.name });

export const workloadOps = {
  listWorkloads: operation({
    ...E,
    verb: listWorkloads,
    handler: ({ ctx }) => listWorkloads({ ctx, input: undefined }),
  }),
  syncEnvironment: operation({
    ...E,
    verb: syncEnvironment,
    handler: ({ ctx }) => syncEnvironment({ ctx, input: undefined }),
  }),
  scaleApplication: operation({
    params: ApplicationParams,
    scope: environmentScope,
    verb: scaleApplication,
    body: ScaleInput,
    handler: ({ ctx, input }) =>
      scaleApplication({ ctx, input: { name: input.params.application, replicas: input.body.replicas } }),
  }),
  restartApplication: operation({
    params: ApplicationParams,
    scope: environmentScope,
    verb: restartApplication,
    handler: ({ ctx, input }) => restartApplication({ ctx, input: { name: input.params.application } }),
  }),
  getObject: operation({
    params: ObjectParams,
    scope: environmentScope,
    verb: getObjectYaml,
    handler: ({ ctx, input }) => getObjectYaml({ ctx, input: target(input.params) }),
  }),
  putObject: operation({
    params: ObjectParams,
    scope: environmentScope,
    verb: putObjectYaml,
    body: PutObjectInput,
    handler: ({ ctx, input }) => putObjectYaml({ ctx, input: { ...target(input.params), yaml: input.body.yaml } }),
  }),
  deleteObject: operation({
    params: ObjectParams,
    scope: environmentScope,
    verb: deleteObject,
    handler: ({ ctx, input }) => deleteObject({ ctx, input: target(input.params) }),
  }),
};
