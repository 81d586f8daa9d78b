import { clusterOps as ops } from "@/lib/clusters/operations";
import { route } from "@/lib/http/route";

export const GET = route(ops.listClusters);
export const POST = route(ops.importCluster);
