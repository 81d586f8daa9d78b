import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { configKeys } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { uniqueOrConflict } from "@/lib/db/rows";
import { scopeIds } from "@/lib/tenancy/scope";
import { hashKeySecret, newKeyCredentials } from "./keys/credentials";
import { nacosServerAddr } from "./keys/server-addr";
import { keyTarget } from "./keys/target";
import { locate } from "./location";
import type { CreateConfigKeyInput } from "./schemas";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** Nacos credentials for this environment; the password is in this answer and nowhere else. */
export const createConfigKey = verb(
  "configs.keys.create",
  "configs.keys.update",
  async ({ ctx, input }: VerbArgs<CreateConfigKeyInput, EnvironmentCtx>) => {
    const { tenantId, projectId, environmentId } = scopeIds(ctx);
    const loc = await locate(ctx);
    const { username, password } = newKeyCredentials();
    const id = await inTransaction(async (tx) => {
      const [{ id }] = await uniqueOrConflict(
        tx
          .insert(configKeys)
          .values({
            tenantId,
            projectId: projectId!,
            environmentId: environmentId!,
            name: input.name,
            access: input.access,
            username,
            secretHash: hashKeySecret(password),
            createdBy: ctx.actor.username,
          })
          .$returningId(),
        `Environment '${ctx.scope.environment.name}' already has a config key named '${input.name}'.`,
      );
      await writeAudit(tx, ctx, {
        action: "configs.keys.create",
        tenantId,
        target: keyTarget(ctx, input.name),
        after: { name: input.name, access: input.access, username },
      });
      return id;
    });
    return {
      id,
      name: input.name,
      access: input.access,
      username,
      password,
      namespace: loc.namespace,
      group: loc.group,
      serverAddr: nacosServerAddr(),
    };
  },
);
