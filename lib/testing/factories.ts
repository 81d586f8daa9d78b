import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { hashToken, newToken } from "@/lib/auth/token-format";
import { getDb } from "@/lib/db/client";
import { apiTokens, users } from "@/lib/db/schema";

/** A unique name for test data, safe as a DNS label and a username. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function createUser(overrides: Partial<typeof users.$inferInsert> & { password?: string } = {}) {
  const { password = "correct horse battery", ...rest } = overrides;
  const username = rest.username ?? uniqueName("user");
  const [{ id }] = await getDb()
    .insert(users)
    .values({
      displayName: username,
      systemRole: "normal",
      ...rest,
      username,
      passwordHash: await hashPassword(password),
    })
    .$returningId();
  return { id, username, password };
}

export async function createToken(userId: number, overrides: Partial<typeof apiTokens.$inferInsert> = {}) {
  const token = newToken();
  const [{ id }] = await getDb()
    .insert(apiTokens)
    .values({
      userId,
      kind: "personal",
      name: "test",
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + 3600_000),
      ...overrides,
    })
    .$returningId();
  return { id, token };
}
