import "server-only";
import { stringify } from "yaml";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { environmentTarget } from "./env-client";
import type { ListableResource } from "./resources";
import { forEditing } from "./editable-object";
import { applyObject, checkObjectSubmission } from "./object-submission";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** Creates an object of the URL's kind from YAML, through the same checks as an edit; an
 *  existing name is a 409. With dryRun nothing is written: the answer is the dry run's diff. */
export const createObjectYaml = verb(
  "workloads.object.create",
  "workloads.update",
  async ({ ctx, input }: VerbArgs<{ resource: ListableResource; yaml: string; dryRun?: boolean }, EnvironmentCtx>) => {
    const target = await environmentTarget(ctx);
    const checked = await checkObjectSubmission(ctx, target, { ...input, mode: "create" });
    const name = checked.object.metadata!.name!;
    if (input.dryRun) return { dryRun: true as const, name, diff: checked.diff, yaml: null, resourceVersion: null };
    const saved = await inTransaction(async (tx) => {
      await writeAudit(tx, ctx, {
        action: "workloads.create",
        tenantId: ctx.scope.tenant.id,
        target: `cluster/${target.cluster}/namespace/${target.namespace}/${input.resource}/${name}`,
        after: { diff: checked.diff.after },
      });
      return applyObject(target, checked);
    });
    return {
      dryRun: false as const,
      name,
      diff: checked.diff,
      yaml: stringify(forEditing(saved)),
      resourceVersion: saved.metadata?.resourceVersion ?? null,
    };
  },
);
