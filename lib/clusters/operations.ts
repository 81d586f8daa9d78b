import "server-only";
import { operation } from "@/lib/core/operation";
import { deleteCluster } from "./delete-cluster";
import { getCluster } from "./get-cluster";
import { importCluster } from "./import-cluster";
import { listClusters } from "./list-clusters";
import { getNamespacePolicy, setNamespacePolicy } from "./namespace-policy";
import { NamespacePolicyInput } from "./namespace-policy/schemas";
import { ClusterParams, ImportClusterInput } from "./schemas";

export const clusterOps = {
  listClusters: operation({ verb: listClusters, handler: ({ ctx }) => listClusters({ ctx, input: undefined }) }),
  importCluster: operation({
    verb: importCluster,
    body: ImportClusterInput,
    status: 201,
    maxBodyBytes: 300 * 1024,
    handler: ({ ctx, input }) => importCluster({ ctx, input: input.body }),
  }),
  getCluster: operation({
    verb: getCluster,
    params: ClusterParams,
    handler: ({ ctx, input }) => getCluster({ ctx, input: input.params }),
  }),
  deleteCluster: operation({
    verb: deleteCluster,
    params: ClusterParams,
    handler: ({ ctx, input }) => deleteCluster({ ctx, input: input.params }),
  }),
  getNamespacePolicy: operation({
    verb: getNamespacePolicy,
    params: ClusterParams,
    handler: ({ ctx, input }) => getNamespacePolicy({ ctx, input: input.params }),
  }),
  setNamespacePolicy: operation({
    verb: setNamespacePolicy,
    params: ClusterParams,
    body: NamespacePolicyInput,
    handler: ({ ctx, input }) => setNamespacePolicy({ ctx, input: { ...input.body, cluster: input.params.cluster } }),
  }),
};
