import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { hashPassword } from "@/lib/auth/password";
import { assertPasswordAllowed } from "@/lib/auth/password-policy";
import { users } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { uniqueOrConflict } from "@/lib/db/rows";
import { userDto } from "./dto";
import type { CreateUserInput } from "./schemas";
import { publicFields } from "./user-rows";

export const createUser = verb("users.create", "users.create", async ({ ctx, input }: VerbArgs<CreateUserInput>) => {
  assertPasswordAllowed(input.password);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(async (tx) => {
    const { password: _password, ...fields } = input;
    await uniqueOrConflict(
      tx.insert(users).values({ ...fields, email: fields.email ?? null, passwordHash }),
      `A user named '${input.username}' already exists.`,
    );
    const [row] = await tx.select().from(users).where(eq(users.username, input.username));
    await writeAudit(tx, ctx, { action: "users.create", target: `user/${input.username}`, after: publicFields(row) });
    return userDto(row);
  });
});
