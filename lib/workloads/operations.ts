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
import { createObjectYaml } from "./create-object-yaml";
import { listEvents } from "./list-events";
import { listObjects } from "./list-objects";
import { revealSecret } from "./reveal-secret";
import {
  ApplicationParams,
  EventsQuery,
  WorkloadsQuery,
  KindListQuery,
  KindParams,
  ObjectParams,
  PutObjectInput,
  ScaleInput,
  SecretParams,
  WriteQuery,
} from "./schemas";
import { syncEnvironment } from "./sync-now";

const E = { params: EnvironmentParams, scope: environmentScope };
const target = (p: { resource: string; name: string }) => ({ resource: p.resource as EditableResource, name: p.name });

export const workloadOps = {
  listWorkloads: operation({
    ...E,
    verb: listWorkloads,
    query: WorkloadsQuery,
    handler: ({ ctx, input }) => listWorkloads({ ctx, input: input.query }),
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
    query: WriteQuery,
    body: PutObjectInput,
    handler: ({ ctx, input }) =>
      putObjectYaml({
        ctx,
        input: { ...target(input.params), yaml: input.body.yaml, dryRun: input.query?.dryRun ?? false },
      }),
  }),
  listObjects: operation({
    params: KindParams,
    scope: environmentScope,
    verb: listObjects,
    query: KindListQuery,
    handler: ({ ctx, input }) => listObjects({ ctx, input: { resource: input.params.resource, ...input.query } }),
  }),
  createObject: operation({
    params: KindParams,
    scope: environmentScope,
    verb: createObjectYaml,
    query: WriteQuery,
    body: PutObjectInput,
    status: 201,
    handler: ({ ctx, input }) =>
      createObjectYaml({
        ctx,
        input: { resource: input.params.resource, yaml: input.body.yaml, dryRun: input.query?.dryRun ?? false },
      }),
  }),
  revealSecret: operation({
    params: SecretParams,
    scope: environmentScope,
    verb: revealSecret,
    handler: ({ ctx, input }) => revealSecret({ ctx, input: { name: input.params.name } }),
  }),
  listEvents: operation({
    ...E,
    verb: listEvents,
    query: EventsQuery,
    handler: ({ ctx, input }) => listEvents({ ctx, input: input.query }),
  }),
  deleteObject: operation({
    params: ObjectParams,
    scope: environmentScope,
    verb: deleteObject,
    handler: ({ ctx, input }) => deleteObject({ ctx, input: target(input.params) }),
  }),
};
