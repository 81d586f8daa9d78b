import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Executor } from "@/lib/db/client";
import { clusterNamespacePolicies } from "@/lib/db/schema";
import type { NamespacePolicyInput } from "./schemas";

export type NamespacePolicy = NamespacePolicyInput & { version: number };

export const EMPTY_POLICY: NamespacePolicy = {
  adoptable: [],
  reserved: [],
  podSecurity: { default: {}, types: {}, tenants: {} },
  version: 0,
};

/** The cluster's stored policy, or the defaults when a sysadmin never set one. */
export async function loadNamespacePolicy(clusterId: number, db: Executor = getDb()): Promise<NamespacePolicy> {
  const [row] = await db
    .select()
    .from(clusterNamespacePolicies)
    .where(eq(clusterNamespacePolicies.clusterId, clusterId))
    .limit(1);
  if (!row) return EMPTY_POLICY;
  return {
    adoptable: row.adoptable,
    reserved: row.reserved,
    podSecurity: { ...EMPTY_POLICY.podSecurity, ...row.podSecurity },
    version: row.version,
  };
}
