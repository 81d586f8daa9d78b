import "server-only";
import { and, count, eq, ne } from "drizzle-orm";
import { type Transaction } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { foundOrThrow } from "@/lib/db/rows";

export const lockUser = async (tx: Transaction, username: string) =>
  foundOrThrow((await tx.select().from(users).where(eq(users.username, username)).for("update"))[0], "user");

/** Refuses a change that would leave no enabled sysadmin. */
export async function assertAnotherSysadmin(tx: Transaction, exceptId: number) {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.systemRole, "sysadmin"), eq(users.disabled, false), ne(users.id, exceptId)));
  if (n === 0) throw new AppError("CONFLICT", "This is the last enabled sysadmin; make someone else sysadmin first.");
}

export const publicFields = (u: {
  username: string;
  displayName: string;
  email: string | null;
  systemRole: string;
  disabled: boolean;
}) => ({
  displayName: u.displayName,
  email: u.email,
  systemRole: u.systemRole,
  disabled: u.disabled,
});
