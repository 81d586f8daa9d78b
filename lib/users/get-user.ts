import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { foundOrThrow } from "@/lib/db/rows";
import { userDto } from "./dto";

export const getUser = verb("users.get", "users.read", async ({ input }: VerbArgs<{ username: string }>) => {
  const [row] = await getDb().select().from(users).where(eq(users.username, input.username));
  return userDto(foundOrThrow(row, "user"));
});
