import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { projects } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { projectDto } from "../dto";
import { uniqueOrConflict } from "@/lib/db/rows";
import type { CreateProjectInput } from "../schemas";
import { scopeIds } from "../scope";
import type { TenantCtx } from "@/lib/core/scoped-context";

export const createProject = verb(
  "projects.create",
  "projects.create",
  async ({ ctx, input }: VerbArgs<CreateProjectInput, TenantCtx>) =>
    inTransaction(async (tx) => {
      const { tenantId } = scopeIds(ctx);
      const tenant = ctx.scope.tenant.name;
      const [{ id }] = await uniqueOrConflict(
        tx
          .insert(projects)
          .values({ tenantId, ...input })
          .$returningId(),
        `Tenant '${tenant}' already has a project named '${input.name}'.`,
      );
      const [row] = await tx.select().from(projects).where(eq(projects.id, id));
      await writeAudit(tx, ctx, {
        action: "projects.create",
        tenantId,
        target: `tenant/${tenant}/project/${input.name}`,
        after: input,
      });
      return projectDto(row, tenant);
    }),
);
