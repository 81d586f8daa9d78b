import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { and, eq, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { tenants } from "@/lib/db/schema";
import { emitChange } from "@/lib/events";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { tenantDto } from "../dto";
import { assertVersion, foundOrThrow, uniqueOrConflict } from "@/lib/db/rows";
import type { UpdateTenantInput } from "../schemas";
import { scopeIds } from "../scope";
import type { TenantCtx } from "@/lib/core/scoped-context";

export const updateTenant = verb(
  "tenants.update",
  "tenants.update",
  async ({ ctx, input }: VerbArgs<{ changes: UpdateTenantInput; expectedVersion?: number }, TenantCtx>) => {
    const dto = await inTransaction(async (tx) => {
      const { tenantId } = scopeIds(ctx);
      const where = eq(tenants.id, tenantId);
      const before = foundOrThrow((await tx.select().from(tenants).where(where).for("update"))[0], "tenant");
      assertVersion(before, input.expectedVersion);
      await uniqueOrConflict(
        tx
          .update(tenants)
          .set({ ...input.changes, version: sql`${tenants.version} + 1` })
          .where(and(where, eq(tenants.version, before.version))),
        `A tenant named '${input.changes.name}' already exists.`,
      );
      const [after] = await tx.select().from(tenants).where(where);
      await writeAudit(tx, ctx, {
        action: "tenants.update",
        tenantId,
        target: `tenant/${before.name}`,
        before: { name: before.name, description: before.description, networkIsolation: before.networkIsolation },
        after: { name: after.name, description: after.description, networkIsolation: after.networkIsolation },
      });
      return tenantDto(after, ctx.scope.tenantRole ?? null);
    });
    // Isolation and names show up in every environment of the tenant on the clusters.
    emitChange({ type: "tenant", id: ctx.scope.tenant.id });
    return dto;
  },
);
