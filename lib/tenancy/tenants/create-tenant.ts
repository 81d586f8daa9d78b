import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { tenants } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { tenantDto } from "../dto";
import { uniqueOrConflict } from "@/lib/db/rows";
import type { CreateTenantInput } from "../schemas";

export const createTenant = verb(
  "tenants.create",
  "tenants.create",
  async ({ ctx, input }: VerbArgs<CreateTenantInput>) =>
    inTransaction(async (tx) => {
      const [{ id }] = await uniqueOrConflict(
        tx.insert(tenants).values(input).$returningId(),
        `A tenant named '${input.name}' already exists.`,
      );
      const [row] = await tx.select().from(tenants).where(eq(tenants.id, id));
      await writeAudit(tx, ctx, {
        action: "tenants.create",
        tenantId: id,
        target: `tenant/${input.name}`,
        after: input,
      });
      return tenantDto(row);
    }),
);
