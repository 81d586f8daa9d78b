import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { and, asc, count, eq, gt, isNull, like, ne, or, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { hashPassword } from "@/lib/auth/password";
import { assertPasswordAllowed } from "@/lib/auth/password-policy";
import { getDb, type Transaction } from "@/lib/db/client";
import { apiTokens, sandboxTokens, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { containsPattern, decodeCursor, toPage } from "@/lib/tenancy/pagination";
import { assertVersion, foundOrThrow, uniqueOrConflict } from "@/lib/tenancy/rows";
import type { ListQuery } from "@/lib/tenancy/schemas";
import { userDto } from "./dto";
import type { CreateUserInput, UpdateUserInput } from "./schemas";

const lockUser = async (tx: Transaction, username: string) =>
  foundOrThrow((await tx.select().from(users).where(eq(users.username, username)).for("update"))[0], "user");

/** Refuses a change that would leave no enabled sysadmin. */
async function assertAnotherSysadmin(tx: Transaction, exceptId: number) {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.systemRole, "sysadmin"), eq(users.disabled, false), ne(users.id, exceptId)));
  if (n === 0) throw new AppError("CONFLICT", "This is the last enabled sysadmin; make someone else sysadmin first.");
}

const publicFields = (u: { username: string; displayName: string; email: string | null; systemRole: string; disabled: boolean }) => ({
  displayName: u.displayName,
  email: u.email,
  systemRole: u.systemRole,
  disabled: u.disabled,
});

export const listUsers = verb("users.list", "users.read", async ({ input }: VerbArgs<ListQuery>) => {
  const after = decodeCursor(input.cursor);
  const pattern = input.q ? containsPattern(input.q) : undefined;
  const rows = await getDb()
    .select()
    .from(users)
    .where(and(after ? gt(users.username, after) : undefined, pattern ? or(like(users.username, pattern), like(users.displayName, pattern), like(users.email, pattern)) : undefined))
    .orderBy(asc(users.username))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (r) => r.username, userDto);
});

export const getUser = verb("users.get", "users.read", async ({ input }: VerbArgs<{ username: string }>) => {
  const [row] = await getDb().select().from(users).where(eq(users.username, input.username));
  return userDto(foundOrThrow(row, "user"));
});

export const createUser = verb("users.create", "users.create", async ({ ctx, input }: VerbArgs<CreateUserInput>) => {
  assertPasswordAllowed(input.password);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(async (tx) => {
    const { password: _password, ...fields } = input;
    await uniqueOrConflict(tx.insert(users).values({ ...fields, email: fields.email ?? null, passwordHash }), `A user named '${input.username}' already exists.`);
    const [row] = await tx.select().from(users).where(eq(users.username, input.username));
    await writeAudit(tx, ctx, { action: "users.create", target: `user/${input.username}`, after: publicFields(row) });
    return userDto(row);
  });
});

export const updateUser = verb(
  "users.update",
  "users.update",
  async ({ ctx, input }: VerbArgs<{ username: string; changes: UpdateUserInput; expectedVersion?: number }>) => {
    const { password, ...changes } = input.changes;
    if (password !== undefined) assertPasswordAllowed(password, "body.password");
    const passwordHash = password ? await hashPassword(password) : undefined;
    return inTransaction(async (tx) => {
      const before = await lockUser(tx, input.username);
      assertVersion(before, input.expectedVersion);
      const demoted = before.systemRole === "sysadmin" && (changes.systemRole === "normal" || changes.disabled === true);
      if (demoted) await assertAnotherSysadmin(tx, before.id);
      // A new password or a disabled account ends every session and token the user had.
      const revoke = Boolean(passwordHash) || (changes.disabled === true && !before.disabled);
      await tx
        .update(users)
        .set({ ...changes, ...(passwordHash && { passwordHash }), ...(revoke && { sessionsValidAfter: sql`CURRENT_TIMESTAMP(3)` }), version: sql`${users.version} + 1` })
        .where(eq(users.id, before.id));
      if (revoke) {
        await tx.update(apiTokens).set({ revokedAt: sql`CURRENT_TIMESTAMP(3)` }).where(and(eq(apiTokens.userId, before.id), isNull(apiTokens.revokedAt)));
        await tx.update(sandboxTokens).set({ revokedAt: sql`CURRENT_TIMESTAMP(3)` }).where(and(eq(sandboxTokens.userId, before.id), isNull(sandboxTokens.revokedAt)));
      }
      const [after] = await tx.select().from(users).where(eq(users.id, before.id));
      await writeAudit(tx, ctx, {
        action: "users.update",
        target: `user/${input.username}`,
        before: publicFields(before),
        after: { ...publicFields(after), ...(password && { password: "changed" }) },
      });
      return userDto(after);
    });
  },
);

export const deleteUser = verb("users.delete", "users.delete", async ({ ctx, input }: VerbArgs<{ username: string }>) =>
  inTransaction(async (tx) => {
    const user = await lockUser(tx, input.username);
    if (user.id === ctx.actor.id) throw new AppError("CONFLICT", "You cannot delete your own account.");
    if (user.systemRole === "sysadmin") await assertAnotherSysadmin(tx, user.id);
    await tx.delete(users).where(eq(users.id, user.id));
    await writeAudit(tx, ctx, { action: "users.delete", target: `user/${input.username}`, before: publicFields(user) });
  }),
);
