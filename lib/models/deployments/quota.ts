import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import type { Executor } from "@/lib/db/client";
import { applications, environments, modelDeployments } from "@/lib/db/schema";
import { parseBytes, parseCpu, ZERO_QUOTA, type QuotaAmounts } from "@/lib/tenancy/quantity";
import { quotaConflict } from "@/lib/tenancy/quotas/amounts";
import { addAmounts, describeShortfalls, environmentShortfalls } from "@/lib/tenancy/quotas/fit";
import type { DeploymentResources } from "./schemas";

const times = (a: QuotaAmounts, n: number): QuotaAmounts => ({
  cpuMilli: a.cpuMilli * n,
  memoryBytes: a.memoryBytes * n,
  storageBytes: a.storageBytes * n,
  pods: a.pods * n,
});
const amount = (value: string | undefined, parse: (v: string) => number | null, fallback: number) =>
  (value ? parse(value) : null) ?? fallback;
const podOf = (r: DeploymentResources): QuotaAmounts => ({
  cpuMilli: parseCpu(r.cpu) ?? 0,
  memoryBytes: parseBytes(r.memory) ?? 0,
  storageBytes: 0,
  pods: 1,
});

/**
 * Locks the environment (serialising deployments into it) and checks that resources × replicas
 * fit its quota beside its applications and other model deployments: a 409 with the shortfalls
 * rather than pods the namespace's ResourceQuota would refuse one by one.
 */
export async function assertFitsEnvironmentQuota(
  tx: Executor,
  ctx: EnvironmentCtx,
  name: string,
  want: { replicas: number; resources: DeploymentResources },
): Promise<void> {
  const environmentId = ctx.scope.environment.id;
  const [env] = await tx
    .select()
    .from(environments)
    .where(and(eq(environments.id, environmentId), eq(environments.tenantId, ctx.scope.tenant.id)))
    .for("update");
  const hard: QuotaAmounts = {
    cpuMilli: env.cpuMilli,
    memoryBytes: env.memoryBytes,
    storageBytes: env.storageBytes,
    pods: env.pods,
  };
  let used = ZERO_QUOTA;
  // An application pod counts at the larger of its request and limit (the quota bounds both).
  for (const app of await tx.select().from(applications).where(eq(applications.environmentId, environmentId))) {
    const { requests = {}, limits = {} } = app.resources ?? {};
    const cpu = Math.max(
      amount(requests.cpu, parseCpu, env.defaultRequestCpuMilli),
      amount(limits.cpu, parseCpu, env.defaultLimitCpuMilli),
    );
    const memory = Math.max(
      amount(requests.memory, parseBytes, env.defaultRequestMemoryBytes),
      amount(limits.memory, parseBytes, env.defaultLimitMemoryBytes),
    );
    used = addAmounts(used, times({ cpuMilli: cpu, memoryBytes: memory, storageBytes: 0, pods: 1 }, app.replicas));
  }
  const others = await tx
    .select({ replicas: modelDeployments.replicas, resources: modelDeployments.resources })
    .from(modelDeployments)
    .where(and(eq(modelDeployments.environmentId, environmentId), ne(modelDeployments.name, name)));
  for (const d of others) used = addAmounts(used, times(podOf(d.resources), d.replicas));
  const shortfalls = environmentShortfalls(times(podOf(want.resources), want.replicas), used, hard);
  if (shortfalls.length)
    throw quotaConflict(
      `The model deployment does not fit the quota of environment '${ctx.scope.environment.name}': ${describeShortfalls(shortfalls)}.`,
      shortfalls,
    );
}
