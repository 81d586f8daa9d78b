import "server-only";
import { stringify } from "yaml";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { environmentTarget } from "./env-client";
import { type EditableResource } from "./resources";
import { forEditing } from "./editable-object";
import { applyObject, checkObjectSubmission } from "./object-submission";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** Replaces an object from edited YAML. The YAML must name the same kind, name and namespace,
 *  and carry the resourceVersion it was read at: a stale edit is a 409 with the new diff.
 *  With dryRun nothing is written: the answer is the diff the cluster's dry run gives. */
export const putObjectYaml = verb(
  "workloads.object.put",
  "workloads.update",
  async ({
    ctx,
    input,
  }: VerbArgs<{ resource: EditableResource; name: string; yaml: string; dryRun?: boolean }, EnvironmentCtx>) => {
    const target = await environmentTarget(ctx);
    const checked = await checkObjectSubmission(ctx, target, { ...input, mode: "update" });
    if (input.dryRun) return { dryRun: true as const, diff: checked.diff, yaml: null, resourceVersion: null };
    const saved = await inTransaction(async (tx) => {
      await writeAudit(tx, ctx, {
        action: "workloads.update",
        tenantId: ctx.scope.tenant.id,
        target: `cluster/${target.cluster}/namespace/${target.namespace}/${input.resource}/${input.name}`,
        before: { resourceVersion: checked.live?.metadata?.resourceVersion },
        after: { diff: checked.diff.after },
      });
      return applyObject(target, checked);
    });
    return {
      dryRun: false as const,
      diff: checked.diff,
      yaml: stringify(forEditing(saved)),
      resourceVersion: saved.metadata?.resourceVersion ?? null,
    };
  },
);
