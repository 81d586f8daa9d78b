import "server-only";
import { getDb } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { and, eq, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { applications } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { assertVersion } from "@/lib/db/rows";
import { AppError } from "@/lib/errors";
import { otelConflicts, type UpdateApplicationInput } from "../schemas";
import { scopeIds } from "../scope";
import { applicationDtoFor, applicationTarget, loadApplication } from "./load";
import { afterCommit } from "./after-commit";
import { ensureOtelSecret } from "./ensure-otel-secret";
import { otelSiteFor } from "./otel-site";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

export const updateApplication = verb(
  "applications.update",
  "applications.update",
  async ({
    ctx,
    input,
  }: VerbArgs<{ name: string; changes: UpdateApplicationInput; expectedVersion?: number }, EnvironmentCtx>) => {
    if (input.changes.telemetry) {
      // Refused before a token is minted for it; checked again under the row lock below.
      assertNoOtelConflicts(input.changes.env ?? (await loadApplication(getDb(), ctx, input.name)).env);
      await ensureOtelSecret(ctx, input.name);
    }
    return afterCommit(
      ctx,
      inTransaction(async (tx) => {
        const { tenantId } = scopeIds(ctx);
        const before = await loadApplication(tx, ctx, input.name, true);
        assertVersion(before, input.expectedVersion);
        const telemetry = input.changes.telemetry === undefined ? before.telemetry : input.changes.telemetry;
        if (telemetry) assertNoOtelConflicts(input.changes.env ?? before.env);
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
          telemetry: r.telemetry,
        });
        await writeAudit(tx, ctx, {
          action: "applications.update",
          tenantId,
          target: applicationTarget(ctx, input.name),
          before: pick(before),
          after: pick(after),
        });
        return applicationDtoFor(ctx, after, after.telemetry ? await otelSiteFor(ctx) : undefined);
      }),
    );
  },
);

function assertNoOtelConflicts(env: { name: string }[]) {
  const conflicts = otelConflicts(env);
  if (conflicts.length)
    throw new AppError("VALIDATION", "OTEL_* variables are set by telemetry injection.", {
      errors: conflicts.map((i) => ({
        path: `body.env.${i}.name`,
        message: "OTEL_* variables are set by telemetry injection.",
      })),
    });
}
