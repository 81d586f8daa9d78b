// Seeds what is missing and never overwrites: the admin user, the sandbox cluster and the demo
// tenant. Run with `--conditions=react-server` (server-only modules are imported).
import { drizzle } from "drizzle-orm/mysql2";
import { eq } from "drizzle-orm";
import mysql from "mysql2/promise";
import { hashPassword } from "../lib/auth/password";
import { assertPasswordAllowed } from "../lib/auth/password-policy";
import { open, seal } from "../lib/crypto/secret-box";
import { closeDb } from "../lib/db/client";
import { issueSandboxToken, renderKubeconfig } from "../lib/sandbox/credentials";
import * as schema from "../lib/db/schema";
import { databaseUrl } from "./db-url";

export const DEFAULT_ADMIN_PASSWORD = "facet-admin";

function opens(sealed: string | null | undefined): boolean {
  if (!sealed) return false;
  try {
    open(sealed);
    return true;
  } catch {
    return false;
  }
}

const pool = mysql.createPool({ uri: databaseUrl().toString(), timezone: "Z", connectionLimit: 2 });
const db = drizzle(pool, { schema, mode: "default" });

try {
  const [admin] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.username, "admin"));
  if (!admin) {
    const password = process.env.FACET_ADMIN_PASSWORD || DEFAULT_ADMIN_PASSWORD;
    // The same rules as any local password (the default passes them).
    try {
      assertPasswordAllowed(password, "FACET_ADMIN_PASSWORD");
    } catch (error) {
      throw new Error(`FACET_ADMIN_PASSWORD is refused: ${(error as Error).message}`);
    }
    await db.transaction(async (tx) => {
      await tx.insert(schema.users).values({
        username: "admin",
        displayName: "Administrator",
        passwordHash: await hashPassword(password),
        systemRole: "sysadmin",
      });
      await tx.insert(schema.auditLogs).values({ actor: "system", action: "users.create", target: "user/admin" });
    });
    console.log("seeded user admin");
  }
  const [sandbox] = await db
    .select({ id: schema.clusters.id, kubeconfig: schema.clusters.kubeconfig })
    .from(schema.clusters)
    .where(eq(schema.clusters.name, "sandbox"));
  if (!opens(sandbox?.kubeconfig)) {
    // The sandbox's address is this process's own and is filled in at run time (lib/clusters/client.ts).
    // Credentials sealed with an earlier AUTH_SECRET (say, a lost .env.local) are renewed:
    // the sandbox is Facet's own, so it can mint new ones.
    const { token } = await issueSandboxToken({ name: "facet (cluster registry)" });
    const kubeconfig = seal(renderKubeconfig({ origin: "http://127.0.0.1", token, clusterName: "sandbox" }));
    const values = {
      name: "sandbox",
      kind: "sandbox" as const,
      description: "Facet's built-in sandbox cluster",
      server: "(built in)",
      kubeconfig,
    };
    await db.transaction(async (tx) => {
      await tx
        .insert(schema.clusters)
        .values(values)
        .onDuplicateKeyUpdate({ set: { kind: "sandbox", kubeconfig } });
      await tx.insert(schema.auditLogs).values({
        actor: "system",
        action: sandbox ? "clusters.update" : "clusters.create",
        target: "cluster/sandbox",
        diff: { after: { kubeconfig: "[sealed]" } },
      });
    });
    console.log(
      sandbox
        ? "renewed the sandbox cluster's credentials (they were sealed with another AUTH_SECRET)"
        : "seeded cluster sandbox",
    );
  }
  const [demo] = await db.select({ id: schema.tenants.id }).from(schema.tenants).where(eq(schema.tenants.name, "demo"));
  if (!demo) {
    await db.transaction(async (tx) => {
      const [{ id }] = await tx
        .insert(schema.tenants)
        .values({ name: "demo", description: "Demo tenant" })
        .$returningId();
      await tx
        .insert(schema.auditLogs)
        .values({ actor: "system", action: "tenants.create", tenantId: id, target: "tenant/demo" });
    });
    console.log("seeded tenant demo");
  }
} finally {
  await pool.end();
  await closeDb();
}
