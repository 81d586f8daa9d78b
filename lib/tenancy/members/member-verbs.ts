import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { and, asc, eq, gt, inArray, like, or } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb, type Transaction } from "@/lib/db/client";
import { environmentMembers, environments, projectMembers, projects, tenantMembers, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { AuthedContext } from "@/lib/core/context";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { containsPattern, decodeCursor, toPage } from "../pagination";
import type { ListQuery } from "../schemas";
import { MEMBER_LEVELS, memberValues, scopePath, table, type MemberLevel } from "./levels";

export interface MemberDto {
  username: string;
  displayName: string;
  role: string;
  since: string;
}

const columns = (level: MemberLevel) => {
  const t = table(level);
  return { username: users.username, displayName: users.displayName, role: t.role, since: t.createdAt, userId: t.userId };
};
const toDto = (r: { username: string; displayName: string; role: string; since: Date }): MemberDto => ({
  username: r.username,
  displayName: r.displayName,
  role: r.role,
  since: r.since.toISOString(),
});

async function findMember(tx: Transaction, level: MemberLevel, ctx: AuthedContext, username: string) {
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
async function candidate(tx: Transaction, level: MemberLevel, ctx: AuthedContext, username: string) {
  const [user] = await tx.select({ id: users.id, username: users.username }).from(users).where(eq(users.username, username));
  if (!user) throw new AppError("VALIDATION", `There is no user '${username}'.`, { errors: [{ path: "body.username", message: "No such user." }] });
  if (level !== "tenant") {
    const [member] = await tx
      .select({ id: tenantMembers.id })
      .from(tenantMembers)
      .where(and(eq(tenantMembers.tenantId, ctx.scope.tenant!.id), eq(tenantMembers.userId, user.id)));
    if (!member) {
      throw new AppError("VALIDATION", `'${username}' is not a member of tenant '${ctx.scope.tenant!.name}'; add them to the tenant first.`, {
        errors: [{ path: "body.username", message: "Only tenant members can be added here." }],
      });
    }
  }
  return user;
}

async function memberDto(tx: Transaction, level: MemberLevel, ctx: AuthedContext, username: string): Promise<MemberDto> {
  return toDto((await findMember(tx, level, ctx, username))!);
}

export function listMembersVerb(level: MemberLevel) {
  return verb(`${level}.members.list`, MEMBER_LEVELS[level].read, async ({ ctx, input }: VerbArgs<ListQuery>) => {
    const t = table(level);
    const after = decodeCursor(input.cursor);
    const rows = await getDb()
      .select(columns(level))
      .from(t)
      .innerJoin(users, eq(users.id, t.userId))
      .where(
        and(
          eq(MEMBER_LEVELS[level].parent, MEMBER_LEVELS[level].parentId(ctx)),
          after ? gt(users.username, after) : undefined,
          input.q ? or(like(users.username, containsPattern(input.q)), like(users.displayName, containsPattern(input.q))) : undefined,
        ),
      )
      .orderBy(asc(users.username))
      .limit(input.limit + 1);
    return toPage(rows, input.limit, (r) => r.username, toDto);
  });
}

export function addMemberVerb(level: MemberLevel) {
  return verb(`${level}.members.add`, MEMBER_LEVELS[level].update, async ({ ctx, input }: VerbArgs<{ username: string; role: string }>) =>
    inTransaction(async (tx) => {
      const user = await candidate(tx, level, ctx, input.username);
      if (await findMember(tx, level, ctx, input.username)) {
        throw new AppError("CONFLICT", `'${input.username}' is already a member here; change their role with PUT .../members/${input.username}.`);
      }
      await tx.insert(table(level)).values(memberValues(level, ctx, user.id, input.role));
      await writeAudit(tx, ctx, { action: `${level}s.members.add`, tenantId: ctx.scope.tenant!.id, target: `${scopePath(ctx)}/member/${input.username}`, after: { role: input.role } });
      return memberDto(tx, level, ctx, input.username);
    }),
  );
}

/** PUT: sets the role, adding the member when they are not one yet. */
export function setMemberRoleVerb(level: MemberLevel) {
  return verb(`${level}.members.set`, MEMBER_LEVELS[level].update, async ({ ctx, input }: VerbArgs<{ username: string; role: string }>) =>
    inTransaction(async (tx) => {
      const existing = await findMember(tx, level, ctx, input.username);
      const t = table(level);
      if (existing) {
        await tx.update(t).set({ role: input.role as never }).where(and(eq(MEMBER_LEVELS[level].parent, MEMBER_LEVELS[level].parentId(ctx)), eq(t.userId, existing.userId)));
      } else {
        const user = await candidate(tx, level, ctx, input.username);
        await tx.insert(t).values(memberValues(level, ctx, user.id, input.role));
      }
      await writeAudit(tx, ctx, {
        action: `${level}s.members.${existing ? "update" : "add"}`,
        tenantId: ctx.scope.tenant!.id,
        target: `${scopePath(ctx)}/member/${input.username}`,
        before: existing ? { role: existing.role } : undefined,
        after: { role: input.role },
      });
      return memberDto(tx, level, ctx, input.username);
    }),
  );
}

/** Leaving a tenant also ends the person's memberships in its projects and environments. */
export function removeMemberVerb(level: MemberLevel) {
  return verb(`${level}.members.remove`, MEMBER_LEVELS[level].update, async ({ ctx, input }: VerbArgs<{ username: string }>) =>
    inTransaction(async (tx) => {
      const existing = await findMember(tx, level, ctx, input.username);
      if (!existing) throw new AppError("NOT_FOUND", `'${input.username}' is not a member here.`);
      const t = table(level);
      await tx.delete(t).where(and(eq(MEMBER_LEVELS[level].parent, MEMBER_LEVELS[level].parentId(ctx)), eq(t.userId, existing.userId)));
      if (level === "tenant") {
        const tenantId = ctx.scope.tenant!.id;
        const projectIds = tx.select({ id: projects.id }).from(projects).where(eq(projects.tenantId, tenantId));
        const environmentIds = tx.select({ id: environments.id }).from(environments).where(eq(environments.tenantId, tenantId));
        await tx.delete(projectMembers).where(and(eq(projectMembers.userId, existing.userId), inArray(projectMembers.projectId, projectIds)));
        await tx.delete(environmentMembers).where(and(eq(environmentMembers.userId, existing.userId), inArray(environmentMembers.environmentId, environmentIds)));
      }
      await writeAudit(tx, ctx, {
        action: `${level}s.members.remove`,
        tenantId: ctx.scope.tenant!.id,
        target: `${scopePath(ctx)}/member/${input.username}`,
        before: { role: existing.role },
      });
    }),
  );
}
