import "server-only";
import { ClusterParams } from "@/lib/clusters/schemas";
import { operation } from "@/lib/http/operation";
import { EnvironmentParams } from "@/lib/tenancy/schemas";
import { environmentScope } from "@/lib/tenancy/scope";
import { createConfigKey } from "./create-config-key";
import { deleteConfig } from "./delete-config";
import { deleteConfigKey } from "./delete-config-key";
import { getClusterConfigBackend } from "./get-cluster-config-backend";
import { getConfig } from "./get-config";
import { getHistory } from "./get-history";
import { listConfigKeys } from "./list-config-keys";
import { listConfigs } from "./list-configs";
import { listHistory } from "./list-history";
import { listListeners } from "./list-listeners";
import { nextCursorOf, pageNoOf } from "./paging";
import { publishConfig } from "./publish-config";
import { rollbackConfig } from "./rollback-config";
import { setClusterConfigBackend } from "./set-cluster-config-backend";
import * as s from "./schemas";

// Every config-center operation, served by app/api/v1 route files and by the console's server actions.
const E = { params: EnvironmentParams, scope: environmentScope };
const C = { params: s.ConfigParams, scope: environmentScope };

export const configOps = {
  listConfigs: operation({
    ...E,
    permission: "configs.read",
    query: s.ListConfigsQuery,
    handler: async ({ ctx, input: { query } }) => {
      const pageNo = pageNoOf(query.cursor);
      const page = await listConfigs({ ctx, input: { pageNo, pageSize: query.limit, dataId: query.q ? `*${query.q}*` : undefined, blur: true, appName: query.appName, tag: query.tag, withContent: false } });
      return { ...page, nextCursor: nextCursorOf(pageNo, query.limit, page.total) };
    },
  }),
  createConfig: operation({
    ...E,
    permission: "configs.write",
    body: s.CreateConfigInput,
    status: 201,
    etag: true,
    handler: ({ ctx, input }) => publishConfig({ ctx, input: { ...input.body, mustNotExist: true } }),
  }),
  getConfig: operation({ ...C, permission: "configs.read", etag: true, handler: ({ ctx, input }) => getConfig({ ctx, input: { dataId: input.params.dataId } }) }),
  publishConfig: operation({
    ...C,
    permission: "configs.write",
    body: s.PublishConfigBody,
    etag: true,
    handler: ({ ctx, input, expectedVersion }) => publishConfig({ ctx, input: { ...input.body, dataId: input.params.dataId, expectedVersion } }),
  }),
  deleteConfig: operation({
    ...C,
    permission: "configs.write",
    handler: ({ ctx, input, expectedVersion }) => deleteConfig({ ctx, input: { dataId: input.params.dataId, expectedVersion } }),
  }),
  listConfigHistory: operation({
    ...C,
    permission: "configs.read",
    query: s.HistoryQuery,
    handler: async ({ ctx, input: { params, query } }) => {
      const pageNo = pageNoOf(query.cursor);
      const page = await listHistory({ ctx, input: { dataId: params.dataId, pageNo, pageSize: query.limit } });
      return { ...page, nextCursor: nextCursorOf(pageNo, query.limit, page.total) };
    },
  }),
  getConfigHistory: operation({
    ...C,
    params: s.HistoryParams,
    permission: "configs.read",
    handler: ({ ctx, input }) => getHistory({ ctx, input: { dataId: input.params.dataId, id: input.params.id } }),
  }),
  rollbackConfig: operation({
    ...C,
    permission: "configs.write",
    body: s.RollbackInput,
    handler: ({ ctx, input }) => rollbackConfig({ ctx, input: { dataId: input.params.dataId, historyId: input.body.historyId } }),
  }),
  listConfigListeners: operation({ ...C, permission: "configs.read", handler: ({ ctx, input }) => listListeners({ ctx, input: { dataId: input.params.dataId } }) }),

  listConfigKeys: operation({ ...E, permission: "configs.keys.read", handler: ({ ctx }) => listConfigKeys({ ctx, input: undefined }) }),
  createConfigKey: operation({ ...E, permission: "configs.keys.update", body: s.CreateConfigKeyInput, status: 201, handler: ({ ctx, input }) => createConfigKey({ ctx, input: input.body }) }),
  deleteConfigKey: operation({ ...E, params: s.ConfigKeyParams, permission: "configs.keys.update", handler: ({ ctx, input }) => deleteConfigKey({ ctx, input: { id: input.params.id } }) }),

  getClusterConfigBackend: operation({ permission: "clusters.read", params: ClusterParams, handler: ({ ctx, input }) => getClusterConfigBackend({ ctx, input: input.params }) }),
  setClusterConfigBackend: operation({
    permission: "clusters.create",
    params: ClusterParams,
    body: s.ConfigBackendInput,
    handler: ({ ctx, input }) => setClusterConfigBackend({ ctx, input: { ...input.body, cluster: input.params.cluster } }),
  }),
};
