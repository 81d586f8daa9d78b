import { clusterOps as ops } from "@/lib/clusters/operations";
import { route } from "@/lib/http/route";

export const GET = route(ops.getNamespacePolicy);
export const PUT = route(ops.setNamespacePolicy);
