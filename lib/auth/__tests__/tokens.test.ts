import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { apiTokens, auditLogs, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/core/context";
import { createToken, createUser } from "@/lib/testing/factories";
import { writeAudit } from "@/lib/audit/write-audit";
import { authenticateToken } from "../authenticate-token";
import { issueLoginToken } from "../issue-login-token";
import { hashToken } from "../token-format";

const ctx: RequestContext = { actor: null, scope: {}, requestId: "test-request-0001", clientAddress: "192.0.2.10" };

async function rejects401(token: string) {
  await expect(authenticateToken(token)).rejects.toSatisfy(
    (e: unknown) => e instanceof AppError && e.code === "UNAUTHORIZED",
  );
}

describe("bearer tokens (MariaDB)", () => {
  it("issues a login token that authenticates, and audits the sign-in", async () => {
    const u = await createUser({ systemRole: "sysadmin" });
    const result = await issueLoginToken({ ctx, input: { username: u.username, password: u.password } });
    expect(result.user).toMatchObject({ username: u.username, systemRole: "sysadmin" });
    expect(new Date(result.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const actor = await authenticateToken(result.token);
    expect(actor).toMatchObject({ id: u.id, username: u.username, via: "token", tokenScope: "read-write" });

    const [stored] = await getDb()
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, hashToken(result.token)));
    expect(stored.kind).toBe("login");
    const rows = await getDb().select().from(auditLogs).where(eq(auditLogs.requestId, ctx.requestId));
    expect(
      rows.some((r) => r.action === "auth.login" && r.actor === u.username && r.clientAddress === "192.0.2.10"),
    ).toBe(true);
  });

  it("refuses tampered, expired and revoked tokens and tokens of disabled users", async () => {
    const u = await createUser();
    const good = await createToken(u.id);
    await expect(authenticateToken(good.token)).resolves.toMatchObject({ username: u.username });

    const last = good.token.at(-1) === "A" ? "B" : "A";
    await rejects401(good.token.slice(0, -1) + last);
    await rejects401("not-a-token");

    const expired = await createToken(u.id, { expiresAt: new Date(Date.now() - 1000) });
    await rejects401(expired.token);

    const revoked = await createToken(u.id, { revokedAt: new Date() });
    await rejects401(revoked.token);

    await getDb().update(users).set({ disabled: true }).where(eq(users.id, u.id));
    await rejects401(good.token);
  });

  it("rolls the change back when its audit row cannot be written", async () => {
    const u = await createUser();
    const marker = hashToken(`rollback-${u.id}`);
    await expect(
      getDb().transaction(async (tx) => {
        await tx.insert(apiTokens).values({
          userId: u.id,
          kind: "personal",
          name: "x",
          tokenHash: marker,
          expiresAt: new Date(Date.now() + 60_000),
        });
        // action is varchar(64): strict mode refuses the row, so the transaction must fail.
        await writeAudit(tx, ctx, { action: "x".repeat(200), target: "user/x" });
      }),
    ).rejects.toThrow();
    const rows = await getDb().select().from(apiTokens).where(eq(apiTokens.tokenHash, marker));
    expect(rows).toHaveLength(0);
  });
});
