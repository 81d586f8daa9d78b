import "server-only";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { authSources } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { authSourceDto } from "./dto";
import { lock, afterChange } from "./source-rows";

export const deleteAuthSource = verb(
  "auth-sources.delete",
  "auth-sources.delete",
  async ({ ctx, input }: VerbArgs<{ name: string }>) =>
    afterChange(
      inTransaction(async (tx) => {
        const row = await lock(tx, input.name);
        await tx.delete(authSources).where(eq(authSources.id, row.id));
        await writeAudit(tx, ctx, {
          action: "auth-sources.delete",
          target: `auth-source/${input.name}`,
          before: authSourceDto(row),
        });
      }),
    ),
);
