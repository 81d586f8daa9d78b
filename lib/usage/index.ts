export { getEnvironmentUsage } from "./get-environment-usage";
export { listNodes } from "./list-nodes";
export { cordonNode } from "./cordon-node";
export { uncordonNode } from "./uncordon-node";
export type { ClusterNodes, EnvironmentUsage, NodeView, PodUsage } from "./schemas";
