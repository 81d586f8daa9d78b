import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { and, eq, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { applications } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { assertVersion } from "@/lib/db/rows";
import type { UpdateApplicationInput } from "../schemas";
import { scopeIds } from "../scope";
import { applicationDtoFor, applicationTarget, loadApplication } from "./load";
import { afterCommit } from "./after-commit";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

export const updateApplication = verb(
  "applications.update",
  "applications.update",
  async ({
    ctx,
    input,
  }: VerbArgs<{ name: string; changes: UpdateApplicationInput; expectedVersion?: number }, EnvironmentCtx>) =>
    afterCommit(
      ctx,
      inTransaction(async (tx) => {
        const { tenantId } = scopeIds(ctx);
        const before = await loadApplication(tx, ctx, input.name, true);
        assertVersion(before, input.expectedVersion);
        await tx
          .update(applications)
          .set({ ...input.changes, version: sql`${applications.version} + 1` })
          .where(and(eq(applications.id, before.id), eq(applications.tenantId, tenantId)));
        const after = await loadApplication(tx, ctx, input.name);
        const pick = (r: typeof before) => ({
          image: r.image,
          replicas: r.replicas,
          ports: r.ports,
          env: r.env,
          resources: r.resources,
        });
        await writeAudit(tx, ctx, {
          action: "applications.update",
          tenantId,
          target: applicationTarget(ctx, input.name),
          before: pick(before),
          after: pick(after),
        });
        return applicationDtoFor(ctx, after);
      }),
    ),
);
