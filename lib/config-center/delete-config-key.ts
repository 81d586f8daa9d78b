import "server-only";
import { and, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { configKeys } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { scopeIds } from "@/lib/tenancy/scope";
import { keyTarget } from "./keys/target";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** Revokes a key at once: the next request made with it is refused. */
export const deleteConfigKey = verb(
  "configs.keys.delete",
  "configs.keys.update",
  async ({ ctx, input }: VerbArgs<{ id: number }, EnvironmentCtx>): Promise<void> => {
    const { tenantId, environmentId } = scopeIds(ctx);
    await inTransaction(async (tx) => {
      const where = and(
        eq(configKeys.id, input.id),
        eq(configKeys.environmentId, environmentId!),
        eq(configKeys.tenantId, tenantId),
      );
      const [row] = await tx.select().from(configKeys).where(where).for("update");
      if (!row) throw new AppError("NOT_FOUND", "The config key does not exist.");
      await tx.delete(configKeys).where(where);
      await writeAudit(tx, ctx, {
        action: "configs.keys.delete",
        tenantId,
        target: keyTarget(ctx, row.name),
        before: { name: row.name, access: row.access, username: row.username },
      });
    });
  },
);
