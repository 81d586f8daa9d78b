import "server-only";
import type { UserRow } from "@/lib/db/schema";
import { findUserByUsername } from "./find-user";
import { usernameKey } from "./username-key";

export interface LoginAccount {
  user: UserRow | undefined;
  /** The throttle key: the user's id when the name resolves, else the name as the database compares it. */
  key: string;
}

/** The account a typed name signs in to, looked up with the column's own collation. */
export async function resolveLoginAccount(username: string): Promise<LoginAccount> {
  const user = await findUserByUsername(username);
  if (user) return { user, key: `id:${user.id}` };
  return { user: undefined, key: `name:${await usernameKey(username)}` };
}
