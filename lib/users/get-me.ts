import "server-only";
import { findUserById } from "@/lib/auth/find-user";
import { notFound } from "@/lib/errors";
import { verb } from "@/lib/core/verb";

export interface Me {
  username: string;
  displayName: string;
  email: string | null;
  systemRole: "sysadmin" | "normal";
  authenticatedBy: "session" | "token";
  tokenScope: "read-write" | "read-only";
  createdAt: string;
}

// Everybody holds me.read; the verb keeps the one shape (span, authorize) all verbs have.
export const getMe = verb("users.getMe", "me.read", async ({ ctx }): Promise<Me> => {
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
