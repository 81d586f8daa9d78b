import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { writeAudit } from "@/lib/audit/write-audit";
import { applications } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { uniqueOrConflict } from "@/lib/db/rows";
import type { CreateApplicationInput } from "../schemas";
import { scopeIds } from "../scope";
import { applicationDtoFor, applicationTarget, loadApplication } from "./load";
import { afterCommit } from "./after-commit";
import { ensureOtelSecret } from "./ensure-otel-secret";
import { otelSiteFor } from "./otel-site";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

export const createApplication = verb(
  "applications.create",
  "applications.create",
  async ({ ctx, input }: VerbArgs<CreateApplicationInput, EnvironmentCtx>) => {
    // Before the row: its Deployment reads the Secret from the first rollout.
    if (input.telemetry) await ensureOtelSecret(ctx, input.name);
    return afterCommit(
      ctx,
      inTransaction(async (tx) => {
        const { tenantId, projectId, environmentId } = scopeIds(ctx);
        await uniqueOrConflict(
          tx.insert(applications).values({ tenantId, projectId: projectId!, environmentId: environmentId!, ...input }),
          `Environment '${ctx.scope.environment.name}' already has an application named '${input.name}'.`,
        );
        const row = await loadApplication(tx, ctx, input.name);
        const dto = applicationDtoFor(ctx, row, row.telemetry ? await otelSiteFor(ctx) : undefined);
        await writeAudit(tx, ctx, {
          action: "applications.create",
          tenantId,
          target: applicationTarget(ctx, input.name),
          after: input,
        });
        return dto;
      }),
    );
  },
);
