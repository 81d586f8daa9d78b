import "server-only";
import { operation } from "@/lib/http/operation";
import { deleteCluster, getCluster, importCluster, listClusters } from "./cluster-verbs";
import { getNamespacePolicy, setNamespacePolicy } from "./namespace-policy";
import { NamespacePolicyInput } from "./namespace-policy/schemas";
import { ClusterParams, ImportClusterInput } from "./schemas";

export const clusterOps = {
  listClusters: operation({ permission: "clusters.read", handler: ({ ctx }) => listClusters({ ctx, input: undefined }) }),
  importCluster: operation({ permission: "clusters.create", body: ImportClusterInput, status: 201, maxBodyBytes: 300 * 1024, handler: ({ ctx, input }) => importCluster({ ctx, input: input.body }) }),
  getCluster: operation({ permission: "clusters.read", params: ClusterParams, handler: ({ ctx, input }) => getCluster({ ctx, input: input.params }) }),
  deleteCluster: operation({ permission: "clusters.delete", params: ClusterParams, handler: ({ ctx, input }) => deleteCluster({ ctx, input: input.params }) }),
  getNamespacePolicy: operation({ permission: "clusters.read", params: ClusterParams, handler: ({ ctx, input }) => getNamespacePolicy({ ctx, input: input.params }) }),
  setNamespacePolicy: operation({
    permission: "clusters.create",
    params: ClusterParams,
    body: NamespacePolicyInput,
    handler: ({ ctx, input }) => setNamespacePolicy({ ctx, input: { ...input.body, cluster: input.params.cluster } }),
  }),
};
