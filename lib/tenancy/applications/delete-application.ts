import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { and, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { applications } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { scopeIds } from "../scope";
import { applicationTarget, loadApplication } from "./load";
import { afterCommit } from "./after-commit";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

export const deleteApplication = verb(
  "applications.delete",
  "applications.delete",
  async ({ ctx, input }: VerbArgs<{ name: string }, EnvironmentCtx>) =>
    afterCommit(
      ctx,
      inTransaction(async (tx) => {
        const { tenantId } = scopeIds(ctx);
        const app = await loadApplication(tx, ctx, input.name, true);
        await tx.delete(applications).where(and(eq(applications.id, app.id), eq(applications.tenantId, tenantId)));
        await writeAudit(tx, ctx, {
          action: "applications.delete",
          tenantId,
          target: applicationTarget(ctx, input.name),
          before: { image: app.image, replicas: app.replicas },
        });
      }),
    ),
);
