import "server-only";
import { stringify } from "yaml";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { environmentTarget } from "./env-client";
import { type EditableResource } from "./resources";
import { forEditing } from "./editable-object";
import { applyObject, checkObjectSubmission, invalid, type CheckedObject } from "./object-submission";
import { managedEdit, managingApplication } from "./managed-deployment";
import { otelEnv } from "./otel-env";
import { findApplication } from "@/lib/tenancy/applications/find-application";
import { updateApplication } from "@/lib/tenancy/applications/update-application";
import { UpdateApplicationInput } from "@/lib/tenancy/schemas";
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
    const managed = await applicationEdit(ctx, checked);
    if (input.dryRun)
      return { dryRun: true as const, diff: checked.diff, yaml: null, resourceVersion: null, application: managed };
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
    // Facet's fields go to the application too (audited there), so the next sync keeps them.
    // After the write: the reconciler's patch that follows finds them in place already.
    if (managed) await updateApplication({ ctx, input: { name: managed.name, changes: managed.changes } });
    return {
      dryRun: false as const,
      diff: checked.diff,
      yaml: stringify(forEditing(saved)),
      resourceVersion: saved.metadata?.resourceVersion ?? null,
      application: managed,
    };
  },
);

/** For the Deployment of an application: the application change the edit makes, or 422 naming
 *  the Facet-owned fields it touches. Null for every other object. */
async function applicationEdit(ctx: EnvironmentCtx, checked: CheckedObject) {
  const name = managingApplication(checked.live);
  if (!name) return null;
  const app = await findApplication(ctx, name);
  if (!app) return null;
  const injected = new Set(
    app.telemetry
      ? otelEnv({ name: app.name, telemetry: app.telemetry }, { endpoint: "", environment: "" }).map((v) => v.name)
      : [],
  );
  const edit = managedEdit(checked.object, checked.live!, app, injected, checked.parsed);
  if (edit.issues.length) throw invalid(edit.issues);
  // The application's own rules (image reference, port names…), before anything is written.
  const valid = UpdateApplicationInput.safeParse(edit.changes);
  if (!valid.success)
    throw invalid(
      valid.error.issues.map((i) => ({
        path: i.path.join("."),
        line: null,
        column: null,
        message: `the application's ${i.path.join(".")}: ${i.message}`,
      })),
    );
  const fields = Object.keys(edit.changes);
  return fields.length ? { name, changes: edit.changes, fields } : null;
}
