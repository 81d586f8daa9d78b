// Safe to import from client components: keys and fetchers for usage and nodes.
import { apiPath } from "@/lib/console/paths";
import { getJson } from "@/lib/query/get-json";
import type { ClusterNodes, EnvironmentUsage } from "./schemas";

export type Names = { tenant: string; project: string; environment: string };

export const usageKeys = {
  environment: (n: Names) => ["t", n.tenant, "p", n.project, "e", n.environment, "usage"] as const,
  nodes: (cluster: string) => ["clusters", cluster, "nodes"] as const,
};

export const fetchEnvironmentUsage = (n: Names) => getJson<EnvironmentUsage>(`${apiPath.environment(n)}/usage`);
export const fetchNodes = (cluster: string) => getJson<ClusterNodes>(apiPath.clusterNodes(cluster));
