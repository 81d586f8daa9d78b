import "server-only";
import { ClusterParams } from "@/lib/clusters/schemas";
import { operation } from "@/lib/core/operation";
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
    verb: listConfigs,
    query: s.ListConfigsQuery,
    handler: async ({ ctx, input: { query } }) => {
      const pageNo = pageNoOf(query.cursor);
      const page = await listConfigs({
        ctx,
        input: {
          pageNo,
          pageSize: query.limit,
          dataId: query.q ? `*${query.q}*` : undefined,
          blur: true,
          appName: query.appName,
          tag: query.tag,
          withContent: false,
        },
      });
      return { ...page, nextCursor: nextCursorOf(pageNo, query.limit, page.total) };
    },
  }),
  createConfig: operation({
    ...E,
    verb: publishConfig,
    body: s.CreateConfigInput,
    status: 201,
    etag: true,
    handler: ({ ctx, input }) => publishConfig({ ctx, input: { ...input.body, mustNotExist: true } }),
  }),
  getConfig: operation({
    ...C,
    verb: getConfig,
    etag: true,
    handler: ({ ctx, input }) => getConfig({ ctx, input: { dataId: input.params.dataId } }),
  }),
  publishConfig: operation({
    ...C,
    verb: publishConfig,
    body: s.PublishConfigBody,
    etag: true,
    handler: ({ ctx, input, expectedVersion }) =>
      publishConfig({ ctx, input: { ...input.body, dataId: input.params.dataId, expectedVersion } }),
  }),
  deleteConfig: operation({
    ...C,
    verb: deleteConfig,
    handler: ({ ctx, input, expectedVersion }) =>
      deleteConfig({ ctx, input: { dataId: input.params.dataId, expectedVersion } }),
  }),
  listConfigHistory: operation({
    ...C,
    verb: listHistory,
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
    verb: getHistory,
    handler: ({ ctx, input }) => getHistory({ ctx, input: { dataId: input.params.dataId, id: input.params.id } }),
  }),
  rollbackConfig: operation({
    ...C,
    verb: rollbackConfig,
    body: s.RollbackInput,
    handler: ({ ctx, input }) =>
      rollbackConfig({ ctx, input: { dataId: input.params.dataId, historyId: input.body.historyId } }),
  }),
  listConfigListeners: operation({
    ...C,
    verb: listListeners,
    handler: ({ ctx, input }) => listListeners({ ctx, input: { dataId: input.params.dataId } }),
  }),

  listConfigKeys: operation({
    ...E,
    verb: listConfigKeys,
    handler: ({ ctx }) => listConfigKeys({ ctx, input: undefined }),
  }),
  createConfigKey: operation({
    ...E,
    verb: createConfigKey,
    body: s.CreateConfigKeyInput,
    status: 201,
    handler: ({ ctx, input }) => createConfigKey({ ctx, input: input.body }),
  }),
  deleteConfigKey: operation({
    ...E,
    params: s.ConfigKeyParams,
    verb: deleteConfigKey,
    handler: ({ ctx, input }) => deleteConfigKey({ ctx, input: { id: input.params.id } }),
  }),

  getClusterConfigBackend: operation({
    verb: getClusterConfigBackend,
    params: ClusterParams,
    handler: ({ ctx, input }) => getClusterConfigBackend({ ctx, input: input.params }),
  }),
  setClusterConfigBackend: operation({
    verb: setClusterConfigBackend,
    params: ClusterParams,
    body: s.ConfigBackendInput,
    handler: ({ ctx, input }) =>
      setClusterConfigBackend({ ctx, input: { ...input.body, cluster: input.params.cluster } }),
  }),
};
