import "server-only";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { tenantMembers, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { MEMBER_LEVELS, table, type MemberLevel } from "./levels";
import type { TenantCtx } from "@/lib/core/scoped-context";

export interface MemberDto {
  username: string;
  displayName: string;
  role: string;
  since: string;
}

export const columns = (level: MemberLevel) => {
  const t = table(level);
  return {
    username: users.username,
    displayName: users.displayName,
    role: t.role,
    since: t.createdAt,
    userId: t.userId,
  };
};
export const toDto = (r: { username: string; displayName: string; role: string; since: Date }): MemberDto => ({
  username: r.username,
  displayName: r.displayName,
  role: r.role,
  since: r.since.toISOString(),
});

export async function findMember(tx: Transaction, level: MemberLevel, ctx: TenantCtx, username: string) {
  const t = table(level);
  const [row] = await tx
    .select(columns(level))
    .from(t)
    .innerJoin(users, eq(users.id, t.userId))
    .where(and(eq(MEMBER_LEVELS[level].parent, MEMBER_LEVELS[level].parentId(ctx)), eq(users.username, username)))
    .for("update");
  return row;
}

/** The user to add: they must exist and, below the tenant, already belong to the tenant. */
export async function candidate(tx: Transaction, level: MemberLevel, ctx: TenantCtx, username: string) {
  const [user] = await tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(eq(users.username, username));
  if (!user)
    throw new AppError("VALIDATION", `There is no user '${username}'.`, {
      errors: [{ path: "body.username", message: "No such user." }],
    });
  if (level !== "tenant") {
    const [member] = await tx
      .select({ id: tenantMembers.id })
      .from(tenantMembers)
      .where(and(eq(tenantMembers.tenantId, ctx.scope.tenant.id), eq(tenantMembers.userId, user.id)));
    if (!member) {
      throw new AppError(
        "VALIDATION",
        `'${username}' is not a member of tenant '${ctx.scope.tenant.name}'; add them to the tenant first.`,
        {
          errors: [{ path: "body.username", message: "Only tenant members can be added here." }],
        },
      );
    }
  }
  return user;
}

export async function memberDto(
  tx: Transaction,
  level: MemberLevel,
  ctx: TenantCtx,
  username: string,
): Promise<MemberDto> {
  return toDto((await findMember(tx, level, ctx, username))!);
}
