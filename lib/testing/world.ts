// Test worlds built through the public API, so that tests exercise the same paths users do.
import { createToken, createUser, uniqueName } from "./factories";
import { api } from "./api";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { eq } from "drizzle-orm";

export async function sysadminToken(): Promise<string> {
  const admin = await createUser({ systemRole: "sysadmin", username: uniqueName("root") });
  return (await createToken(admin.id)).token;
}

/** A user and a bearer token for them. */
export async function person(prefix: string) {
  const u = await createUser({ username: uniqueName(prefix) });
  return { ...u, token: (await createToken(u.id)).token };
}

export async function expectOk<T>(promise: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const res = await promise;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function userId(username: string): Promise<number> {
  const [row] = await getDb().select({ id: users.id }).from(users).where(eq(users.username, username));
  return row.id;
}

export const generousQuota = { cpu: "64", memory: "256Gi", storage: "1Ti", pods: "500" };
export const smallQuota = { cpu: "1", memory: "1Gi", storage: "10Gi", pods: "10" };

export { api };
