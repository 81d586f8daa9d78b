import "server-only";
import { findUserById } from "@/lib/auth/find-user";
import { notFound } from "@/lib/errors";
import type { AuthedContext } from "@/lib/http/context";
import { withSpan } from "@/lib/observability/tracer";

export interface Me {
  username: string;
  displayName: string;
  email: string | null;
  systemRole: "sysadmin" | "normal";
  authenticatedBy: "session" | "token";
  tokenScope: "read-write" | "read-only";
  createdAt: string;
}

export async function getMe({ ctx }: { ctx: AuthedContext }): Promise<Me> {
  return withSpan("verb users.getMe", {}, async () => {
    const user = await findUserById(ctx.actor.id);
    if (!user) throw notFound("user");
    return {
      username: user.username,
      displayName: user.displayName,
      email: user.email,
      systemRole: user.systemRole,
      authenticatedBy: ctx.actor.via,
      tokenScope: ctx.actor.tokenScope,
      createdAt: user.createdAt.toISOString(),
    };
  });
}
