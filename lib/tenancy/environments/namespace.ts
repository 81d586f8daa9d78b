import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { loadNamespacePolicy, readLiveNamespace, reservedBy } from "@/lib/clusters/namespace-policy";
import type { Executor } from "@/lib/db/client";
import { environments, namespaceCleanups, type ClusterRow } from "@/lib/db/schema";
import { AppError, isAppError } from "@/lib/errors";

const label = (s: string) => s.slice(0, 63).replace(/-+$/, "");
const PATH = "body.namespace";

export interface NamespaceChoice {
  namespace: string;
  /** False: an existing namespace a sysadmin allowed to be adopted. */
  created: boolean;
}

/** Why the name cannot be used, as the database sees it (null: free). */
async function takenReason(tx: Executor, clusterId: number, namespace: string): Promise<string | null> {
  const [env] = await tx
    .select({ id: environments.id })
    .from(environments)
    .where(and(eq(environments.clusterId, clusterId), eq(environments.namespace, namespace)))
    .limit(1);
  if (env) return "is already used by an environment";
  // A deleted environment's namespace is still being cleaned up: its cleanup would undo a new owner.
  const [cleanup] = await tx
    .select({ id: namespaceCleanups.id })
    .from(namespaceCleanups)
    .where(and(eq(namespaceCleanups.clusterId, clusterId), eq(namespaceCleanups.namespace, namespace)))
    .limit(1);
  return cleanup ? "belonged to a deleted environment and is still being cleaned up" : null;
}

/** A generated name on a cluster that does not answer now is taken as free: the reconciler
 *  checks again before it touches the namespace and never takes over one that exists. */
async function existsIfReachable(cluster: ClusterRow, name: string, tx: Executor): Promise<boolean> {
  try {
    return Boolean(await readLiveNamespace(cluster, name, tx));
  } catch (error) {
    if (isAppError(error) && error.code === "UPSTREAM") return false;
    throw error;
  }
}

/**
 * The namespace a new environment gets. A named one must not be reserved, nor used or being
 * cleaned up in the database; if it already exists on the cluster, only a sysadmin's adoption
 * rule lets it in (an unreachable cluster: 502, ask again). A generated one is the first
 * candidate free everywhere, never adopted.
 */
export async function chooseNamespace(
  tx: Executor,
  cluster: ClusterRow,
  names: { tenant: string; project: string; environment: string; requested?: string },
): Promise<NamespaceChoice> {
  const policy = await loadNamespacePolicy(cluster.id, tx);
  const { requested } = names;
  if (requested) {
    const by = reservedBy(requested, policy.reserved);
    if (by)
      throw new AppError(
        "VALIDATION",
        `Namespace '${requested}' is reserved (${by}) on cluster '${cluster.name}': no environment may use it.`,
        { errors: [{ path: PATH, message: `'${requested}' is reserved (${by}).` }] },
      );
    const taken = await takenReason(tx, cluster.id, requested);
    if (taken)
      throw new AppError("CONFLICT", `Namespace '${requested}' ${taken} on cluster '${cluster.name}'.`, {
        details: { field: PATH, reason: "namespace-taken" },
      });
    if (!(await readLiveNamespace(cluster, requested, tx))) return { namespace: requested, created: true };
    if (policy.adoptable.includes(requested)) return { namespace: requested, created: false };
    throw new AppError(
      "CONFLICT",
      `Namespace '${requested}' already exists on cluster '${cluster.name}' and Facet did not create it; a sysadmin must allow adopting it first.`,
      {
        details: { field: PATH, reason: "namespace-exists" },
      },
    );
  }
  const candidates = [
    `${names.tenant}-${names.environment}`,
    `${names.tenant}-${names.project}-${names.environment}`,
  ].map(label);
  candidates.push(`${label(candidates[1].slice(0, 57))}-${randomBytes(3).toString("hex")}`);
  const refused: string[] = [];
  for (const name of candidates) {
    const by = reservedBy(name, policy.reserved);
    if (by) refused.push(`'${name}' is reserved (${by})`);
    else if (await takenReason(tx, cluster.id, name)) refused.push(`'${name}' is taken`);
    else if (await existsIfReachable(cluster, name, tx)) refused.push(`'${name}' already exists on the cluster`);
    else return { namespace: name, created: true };
  }
  throw new AppError(
    "VALIDATION",
    `No namespace could be generated on cluster '${cluster.name}': ${refused.join("; ")}. Name a namespace.`,
    { errors: [{ path: PATH, message: `Name a namespace: ${refused[0]}.` }] },
  );
}
