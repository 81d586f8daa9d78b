import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { and, asc, eq, gt, like, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import { applications } from "@/lib/db/schema";
import { emitChange } from "@/lib/events";
import type { AuthedContext } from "@/lib/core/context";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { containsPattern, decodeCursor, toPage } from "../pagination";
import { assertVersion, uniqueOrConflict } from "../rows";
import type { CreateApplicationInput, ListQuery, UpdateApplicationInput } from "../schemas";
import { scopeIds } from "../scope";
import { applicationDtoFor, applicationTarget, loadApplication } from "./load";

export const listApplications = verb("applications.list", "applications.read", async ({ ctx, input }: VerbArgs<ListQuery>) => {
  const { tenantId, environmentId } = scopeIds(ctx);
  const after = decodeCursor(input.cursor);
  const rows = await getDb()
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.environmentId, environmentId!),
        eq(applications.tenantId, tenantId),
        after ? gt(applications.name, after) : undefined,
        input.q ? like(applications.name, containsPattern(input.q)) : undefined,
      ),
    )
    .orderBy(asc(applications.name))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (r) => r.name, (r) => applicationDtoFor(ctx, r));
});

export const getApplication = verb("applications.get", "applications.read", async ({ ctx, input }: VerbArgs<{ name: string }>) =>
  applicationDtoFor(ctx, await loadApplication(getDb(), ctx, input.name)),
);

export const createApplication = verb("applications.create", "applications.create", async ({ ctx, input }: VerbArgs<CreateApplicationInput>) =>
  afterCommit(ctx, inTransaction(async (tx) => {
    const { tenantId, projectId, environmentId } = scopeIds(ctx);
    await uniqueOrConflict(
      tx.insert(applications).values({ tenantId, projectId: projectId!, environmentId: environmentId!, ...input }),
      `Environment '${ctx.scope.environment!.name}' already has an application named '${input.name}'.`,
    );
    const dto = applicationDtoFor(ctx, await loadApplication(tx, ctx, input.name));
    await writeAudit(tx, ctx, { action: "applications.create", tenantId, target: applicationTarget(ctx, input.name), after: input });
    return dto;
  })),
);

export const updateApplication = verb(
  "applications.update",
  "applications.update",
  async ({ ctx, input }: VerbArgs<{ name: string; changes: UpdateApplicationInput; expectedVersion?: number }>) =>
    afterCommit(ctx, inTransaction(async (tx) => {
      const { tenantId } = scopeIds(ctx);
      const before = await loadApplication(tx, ctx, input.name, true);
      assertVersion(before, input.expectedVersion);
      await tx
        .update(applications)
        .set({ ...input.changes, version: sql`${applications.version} + 1` })
        .where(and(eq(applications.id, before.id), eq(applications.tenantId, tenantId)));
      const after = await loadApplication(tx, ctx, input.name);
      const pick = (r: typeof before) => ({ image: r.image, replicas: r.replicas, ports: r.ports, env: r.env, resources: r.resources });
      await writeAudit(tx, ctx, { action: "applications.update", tenantId, target: applicationTarget(ctx, input.name), before: pick(before), after: pick(after) });
      return applicationDtoFor(ctx, after);
    })),
);

export const deleteApplication = verb("applications.delete", "applications.delete", async ({ ctx, input }: VerbArgs<{ name: string }>) =>
  afterCommit(ctx, inTransaction(async (tx) => {
    const { tenantId } = scopeIds(ctx);
    const app = await loadApplication(tx, ctx, input.name, true);
    await tx.delete(applications).where(and(eq(applications.id, app.id), eq(applications.tenantId, tenantId)));
    await writeAudit(tx, ctx, { action: "applications.delete", tenantId, target: applicationTarget(ctx, input.name), before: { image: app.image, replicas: app.replicas } });
  })),
);

/** Tells the reconciler once the change committed: it brings the Deployment in line. */
async function afterCommit<T>(ctx: AuthedContext, work: Promise<T>): Promise<T> {
  const result = await work;
  emitChange({ type: "environment", id: ctx.scope.environment!.id });
  return result;
}
