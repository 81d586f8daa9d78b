import "server-only";
import { sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { clusterNamespacePolicies } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { emitChange } from "@/lib/events";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { clusterOrThrow } from "../find-cluster";
import { loadNamespacePolicy } from "./load-namespace-policy";
import { namespacePolicyDto } from "./namespace-policy-dto";
import { reservedBy } from "./reserved";
import type { NamespacePolicyInput } from "./schemas";

/** Replaces a cluster's namespace policy. Cluster settings are the sysadmin's, hence
 *  `clusters.create`; a reserved namespace cannot be made adoptable. */
export const setNamespacePolicy = verb(
  "clusters.namespace-policy.set",
  "clusters.create",
  async ({ ctx, input }: VerbArgs<NamespacePolicyInput & { cluster: string }>) => {
    const { cluster: name, ...policy } = input;
    const errors = policy.adoptable.flatMap((ns, i) => {
      const by = reservedBy(ns, policy.reserved);
      return by
        ? [{ path: `body.adoptable.${i}`, message: `'${ns}' is reserved (${by}) and can never be adopted.` }]
        : [];
    });
    if (errors.length) throw new AppError("VALIDATION", errors[0].message, { errors });
    const cluster = await clusterOrThrow(name);
    const dto = await inTransaction(async (tx) => {
      const before = await loadNamespacePolicy(cluster.id, tx);
      const values = {
        adoptable: [...new Set(policy.adoptable)],
        reserved: [...new Set(policy.reserved)],
        podSecurity: policy.podSecurity,
      };
      await tx
        .insert(clusterNamespacePolicies)
        .values({ clusterId: cluster.id, ...values })
        .onDuplicateKeyUpdate({ set: { ...values, version: sql`${clusterNamespacePolicies.version} + 1` } });
      const after = namespacePolicyDto(cluster.name, await loadNamespacePolicy(cluster.id, tx));
      await writeAudit(tx, ctx, {
        action: "clusters.namespace-policy.set",
        target: `cluster/${cluster.name}`,
        before: namespacePolicyDto(cluster.name, before),
        after,
      });
      return after;
    });
    // Namespaces pick up changed Pod Security levels on their next sync.
    emitChange({ type: "cluster", id: cluster.id });
    return dto;
  },
);
