import "server-only";
import { desc, eq, isNotNull } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { sandboxTokens, users } from "@/lib/db/schema";
import { forbidden } from "@/lib/errors";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { sandboxCredentialDto } from "./dto";
import type { ListSandboxCredentialsQuery } from "./schemas";

const LIMIT = 500;

/** The sandbox kubeconfig credentials the actor downloaded (a sysadmin may ask for everyone's). */
export const listSandboxCredentials = verb(
  "me.sandboxCredentials.list",
  "me.tokens.read",
  async ({ ctx, input }: VerbArgs<ListSandboxCredentialsQuery>) => {
    if (input.all && ctx.actor.systemRole !== "sysadmin")
      throw forbidden("Only sysadmins see other users' sandbox credentials.");
    const rows = await getDb()
      .select({ token: sandboxTokens, owner: users.username })
      .from(sandboxTokens)
      .innerJoin(users, eq(users.id, sandboxTokens.userId))
      .where(input.all ? isNotNull(sandboxTokens.userId) : eq(sandboxTokens.userId, ctx.actor.id))
      .orderBy(desc(sandboxTokens.id))
      .limit(LIMIT);
    return { items: rows.map((r) => sandboxCredentialDto(r.token, r.owner)), nextCursor: null };
  },
);
