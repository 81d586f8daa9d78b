import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { and, eq, isNull, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { hashPassword } from "@/lib/auth/password";
import { assertPasswordAllowed } from "@/lib/auth/password-policy";
import { apiTokens, sandboxTokens, users } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { assertVersion } from "@/lib/db/rows";
import { userDto } from "./dto";
import type { UpdateUserInput } from "./schemas";
import { lockUser, assertAnotherSysadmin, publicFields } from "./user-rows";

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
      const demoted =
        before.systemRole === "sysadmin" && (changes.systemRole === "normal" || changes.disabled === true);
      if (demoted) await assertAnotherSysadmin(tx, before.id);
      // A new password or a disabled account ends every session and token the user had.
      const revoke = Boolean(passwordHash) || (changes.disabled === true && !before.disabled);
      await tx
        .update(users)
        .set({
          ...changes,
          ...(passwordHash && { passwordHash }),
          ...(revoke && { sessionsValidAfter: sql`CURRENT_TIMESTAMP(3)` }),
          version: sql`${users.version} + 1`,
        })
        .where(eq(users.id, before.id));
      if (revoke) {
        await tx
          .update(apiTokens)
          .set({ revokedAt: sql`CURRENT_TIMESTAMP(3)` })
          .where(and(eq(apiTokens.userId, before.id), isNull(apiTokens.revokedAt)));
        await tx
          .update(sandboxTokens)
          .set({ revokedAt: sql`CURRENT_TIMESTAMP(3)` })
          .where(and(eq(sandboxTokens.userId, before.id), isNull(sandboxTokens.revokedAt)));
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
