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

/** A tenant with a generous sandbox quota and one project, made by `root`; the project's API path. */
export async function tenantProject(root: string, tenant: string, project = "shop"): Promise<string> {
  await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: tenant } }), 201);
  await expectOk(api("PUT", `/api/v1/tenants/${tenant}/quotas/sandbox`, { token: root, body: generousQuota }));
  await expectOk(api("POST", `/api/v1/tenants/${tenant}/projects`, { token: root, body: { name: project } }), 201);
  return `/api/v1/tenants/${tenant}/projects/${project}`;
}

/** A sandbox environment of the project at `projectPath`. */
export async function sandboxEnvironment(
  root: string,
  projectPath: string,
  name: string,
  type: "dev" | "test" | "prod" = "dev",
  quota = { cpu: "2", memory: "4Gi", storage: "10Gi", pods: "10" },
): Promise<string> {
  await expectOk(
    api("POST", `${projectPath}/environments`, { token: root, body: { name, type, cluster: "sandbox", quota } }),
    201,
  );
  return `${projectPath}/environments/${name}`;
}

export { api };
