import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { onCluster } from "@/lib/clusters/upstream-error";
import { getDb } from "@/lib/db/client";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { environmentTarget } from "./env-client";
import { type EditableResource } from "./resources";
import { header } from "./editable-object";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

export const deleteObject = verb(
  "workloads.object.delete",
  "workloads.update",
  async ({ ctx, input }: VerbArgs<{ resource: EditableResource; name: string }, EnvironmentCtx>) => {
    const { client, namespace, cluster } = await environmentTarget(ctx);
    await onCluster(cluster, () => client.objects.delete(header(input.resource, input.name, namespace)));
    await writeAudit(getDb(), ctx, {
      action: "workloads.delete",
      tenantId: ctx.scope.tenant.id,
      target: `cluster/${cluster}/namespace/${namespace}/${input.resource}/${input.name}`,
    });
  },
);
