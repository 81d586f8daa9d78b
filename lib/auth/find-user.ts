import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Executor } from "@/lib/db/client";
import { users, type UserRow } from "@/lib/db/schema";

export async function findUserByUsername(username: string, db: Executor = getDb()): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

export async function findUserById(id: number, db: Executor = getDb()): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}
