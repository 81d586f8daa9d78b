import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { apiTokens } from "@/lib/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { loginTokenTtlSeconds } from "@/lib/env";
import type { RequestContext } from "@/lib/core/context";
import { withSpan } from "@/lib/observability/tracer";
import type { LoginInput } from "./schemas";
import { newToken, hashToken } from "./token-format";
import { verifyCredentials } from "./verify-credentials";
import { verifyLdapCredentials } from "./verify-ldap";

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: { username: string; displayName: string; systemRole: "sysadmin" | "normal" };
}

/** POST /api/v1/login: checks the password and issues a bearer token for scripts. */
export async function issueLoginToken({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: LoginInput;
}): Promise<LoginResult> {
  return withSpan("verb auth.issueLoginToken", {}, async () => {
    const user =
      input.source && input.source !== "local"
        ? await verifyLdapCredentials({
            ...input,
            source: input.source,
            clientAddress: ctx.clientAddress,
            requestId: ctx.requestId,
          })
        : await verifyCredentials({ ...input, clientAddress: ctx.clientAddress });
    const token = newToken();
    const expiresAt = new Date(Date.now() + loginTokenTtlSeconds() * 1000);
    await inTransaction(async (tx) => {
      await tx
        .insert(apiTokens)
        .values({ userId: user.id, kind: "login", name: "api login", tokenHash: hashToken(token), expiresAt });
      await writeAudit(tx, ctx, {
        actor: user.username,
        action: "auth.login",
        target: `user/${user.username}`,
        after: { via: "api", expiresAt },
      });
    });
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      user: { username: user.username, displayName: user.displayName, systemRole: user.systemRole },
    };
  });
}
