import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { lockUser, assertAnotherSysadmin, publicFields } from "./user-rows";

export const deleteUser = verb("users.delete", "users.delete", async ({ ctx, input }: VerbArgs<{ username: string }>) =>
  inTransaction(async (tx) => {
    const user = await lockUser(tx, input.username);
    if (user.id === ctx.actor.id) throw new AppError("CONFLICT", "You cannot delete your own account.");
    if (user.systemRole === "sysadmin") await assertAnotherSysadmin(tx, user.id);
    await tx.delete(users).where(eq(users.id, user.id));
    await writeAudit(tx, ctx, { action: "users.delete", target: `user/${input.username}`, before: publicFields(user) });
  }),
);
