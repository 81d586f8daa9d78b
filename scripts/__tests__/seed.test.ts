import { execFileSync } from "node:child_process";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { open, seal } from "@/lib/crypto/secret-box";
import { getDb } from "@/lib/db/client";
import { auditLogs, clusters, tenants, users } from "@/lib/db/schema";
import { startSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { api, expectOk, sysadminToken } from "@/lib/testing/world";

const seed = (env: Record<string, string> = {}) =>
  execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
const sandboxRow = async () => (await getDb().select().from(clusters).where(eq(clusters.name, "sandbox")))[0];

// The seed never overwrites, with one exception: sandbox credentials that no longer open
// (AUTH_SECRET changed, e.g. a lost .env.local) are renewed, or the sandbox stays dead.
describe("seed", () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox();
    process.env.FACET_INTERNAL_URL = sb.server.origin;
  }, 60_000);
  afterAll(() => sb?.close());

  it("keeps what is there: a second run changes nothing, not even with another admin password set", async () => {
    const before = await sandboxRow();
    const admin = async () => (await getDb().select().from(users).where(eq(users.username, "admin")))[0];
    const adminBefore = await admin();
    await getDb().update(tenants).set({ description: "edited by someone" }).where(eq(tenants.name, "demo"));
    expect(seed({ FACET_ADMIN_PASSWORD: "another-password-entirely" })).toBe("");
    expect((await sandboxRow()).kubeconfig).toBe(before.kubeconfig);
    expect((await admin()).passwordHash).toBe(adminBefore.passwordHash);
    const [demo] = await getDb().select().from(tenants).where(eq(tenants.name, "demo"));
    expect(demo.description).toBe("edited by someone");
  });

  it("refuses to seed an admin whose FACET_ADMIN_PASSWORD is short or common", async () => {
    // Hide the admin so that the seed would create one, and put it back whatever happens.
    const hidden = `admin-hidden-${Date.now()}`;
    await getDb().update(users).set({ username: hidden }).where(eq(users.username, "admin"));
    try {
      for (const weak of ["short", "password123", "Qwerty123", "１２３４５６７８"]) {
        let stderr = "";
        try {
          seed({ FACET_ADMIN_PASSWORD: weak });
        } catch (error) {
          stderr = String((error as { stderr?: string }).stderr);
        }
        expect(stderr, weak).toMatch(/FACET_ADMIN_PASSWORD is refused/);
        expect(await getDb().select().from(users).where(eq(users.username, "admin")), weak).toEqual([]);
      }
    } finally {
      await getDb().update(users).set({ username: "admin" }).where(eq(users.username, hidden));
    }
  });

  it("renews sandbox credentials sealed with another AUTH_SECRET, with an audit row", async () => {
    const before = await sandboxRow();
    await getDb()
      .update(clusters)
      .set({ kubeconfig: seal(open(before.kubeconfig!), "an AUTH_SECRET of old") })
      .where(eq(clusters.id, before.id));
    const root = await sysadminToken();
    const broken = await expectOk<{ status: { reachable: boolean; error: string } }>(
      api("GET", "/api/v1/clusters/sandbox", { token: root }),
    );
    expect(broken.status).toMatchObject({ reachable: false, error: expect.stringMatching(/AUTH_SECRET changed/) });

    expect(seed()).toMatch(/renewed the sandbox cluster's credentials/);
    expect(open((await sandboxRow()).kubeconfig!)).toContain("kind: Config");
    const healed = await expectOk<{ status: { reachable: boolean } }>(
      api("GET", "/api/v1/clusters/sandbox", { token: root }),
    );
    expect(healed.status.reachable).toBe(true);
    const [audit] = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.target, "cluster/sandbox"), eq(auditLogs.action, "clusters.update")))
      .orderBy(desc(auditLogs.id))
      .limit(1);
    expect(audit).toMatchObject({ actor: "system" });
  });
});
