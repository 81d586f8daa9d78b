import "server-only";
import { and, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { alertSilences } from "@/lib/db/schema";
import { foundOrThrow } from "@/lib/db/rows";
import { inTransaction } from "@/lib/db/transaction";
import { silenceDto } from "./silence-dto";

export const deleteSilence = verb(
  "alerts.silences.delete",
  "alerts.write",
  async ({ ctx, input }: VerbArgs<{ id: number }, EnvironmentCtx>) => {
    const { tenant, project, environment } = ctx.scope;
    await inTransaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(alertSilences)
        .where(and(eq(alertSilences.id, input.id), eq(alertSilences.environmentId, environment.id)))
        .for("update");
      const found = foundOrThrow(row, "silence");
      await tx
        .delete(alertSilences)
        .where(and(eq(alertSilences.id, found.id), eq(alertSilences.environmentId, environment.id)));
      await writeAudit(tx, ctx, {
        action: "alerts.silences.delete",
        tenantId: tenant.id,
        target: `${tenant.name}/${project.name}/${environment.name}/silences/${found.id}`,
        before: silenceDto(found),
      });
    });
    return { deleted: input.id };
  },
);
