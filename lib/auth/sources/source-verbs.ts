import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { seal } from "@/lib/crypto/secret-box";
import { getDb } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { authSources } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { zodIssues } from "@/lib/core/parse-with";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { assertVersion, foundOrThrow, uniqueOrConflict } from "@/lib/tenancy/rows";
import { authSourceDto } from "./dto";
import { testLdap } from "./ldap";
import { testOidc } from "./oidc-test";
import { LdapConfig, OidcConfig, type CreateAuthSourceInput, type UpdateAuthSourceInput } from "./schemas";
import { clearOidcProviderCache } from "./oidc-providers";
import { loadSource } from "./store";

const lock = async (tx: Parameters<Parameters<typeof inTransaction>[0]>[0], name: string) =>
  foundOrThrow((await tx.select().from(authSources).where(eq(authSources.name, name)).for("update"))[0], "login source");

export const listAuthSources = verb("auth-sources.list", "auth-sources.read", async () => {
  const rows = await getDb().select().from(authSources).orderBy(asc(authSources.name));
  return { items: rows.map(authSourceDto), nextCursor: null };
});

export const getAuthSource = verb("auth-sources.get", "auth-sources.read", async ({ input }: VerbArgs<{ name: string }>) => {
  const [row] = await getDb().select().from(authSources).where(eq(authSources.name, input.name));
  return authSourceDto(foundOrThrow(row, "login source"));
});

export const createAuthSource = verb("auth-sources.create", "auth-sources.create", async ({ ctx, input }: VerbArgs<CreateAuthSourceInput>) =>
  afterChange(inTransaction(async (tx) => {
    const secret = input.kind === "ldap" ? input.bindPassword : input.clientSecret;
    await uniqueOrConflict(
      tx.insert(authSources).values({ name: input.name, kind: input.kind, displayName: input.displayName, enabled: input.enabled, config: input.config, secret: secret ? seal(secret) : null }),
      `A login source named '${input.name}' already exists.`,
    );
    const [row] = await tx.select().from(authSources).where(eq(authSources.name, input.name));
    await writeAudit(tx, ctx, { action: "auth-sources.create", target: `auth-source/${input.name}`, after: { ...authSourceDto(row), secret: secret ? "[set]" : null } });
    return authSourceDto(row);
  })),
);

export const updateAuthSource = verb(
  "auth-sources.update",
  "auth-sources.update",
  async ({ ctx, input }: VerbArgs<{ name: string; changes: UpdateAuthSourceInput; expectedVersion?: number }>) =>
    afterChange(inTransaction(async (tx) => {
      const before = await lock(tx, input.name);
      assertVersion(before, input.expectedVersion);
      const { config, bindPassword, clientSecret, ...rest } = input.changes;
      let parsedConfig: Record<string, unknown> | undefined;
      if (config) {
        const result = (before.kind === "ldap" ? LdapConfig : OidcConfig).safeParse(config);
        if (!result.success) {
          throw new AppError("VALIDATION", "The config does not fit the source's kind.", { errors: zodIssues(result.error).map((e) => ({ ...e, path: `body.config.${e.path}` })) });
        }
        parsedConfig = result.data as Record<string, unknown>;
      }
      const secret = before.kind === "ldap" ? bindPassword : clientSecret;
      await tx
        .update(authSources)
        .set({ ...rest, ...(parsedConfig && { config: parsedConfig }), ...(secret !== undefined && { secret: secret ? seal(secret) : null }), version: sql`${authSources.version} + 1` })
        .where(eq(authSources.id, before.id));
      const [after] = await tx.select().from(authSources).where(eq(authSources.id, before.id));
      await writeAudit(tx, ctx, {
        action: "auth-sources.update",
        target: `auth-source/${input.name}`,
        before: authSourceDto(before),
        after: { ...authSourceDto(after), ...(secret !== undefined && { secret: "[changed]" }) },
      });
      return authSourceDto(after);
    })),
);

export const deleteAuthSource = verb("auth-sources.delete", "auth-sources.delete", async ({ ctx, input }: VerbArgs<{ name: string }>) =>
  afterChange(inTransaction(async (tx) => {
    const row = await lock(tx, input.name);
    await tx.delete(authSources).where(eq(authSources.id, row.id));
    await writeAudit(tx, ctx, { action: "auth-sources.delete", target: `auth-source/${input.name}`, before: authSourceDto(row) });
  })),
);

async function afterChange<T>(work: Promise<T>): Promise<T> {
  const result = await work;
  clearOidcProviderCache();
  return result;
}

/** Checks a source from the server and says which step failed. Changes nothing. */
export const testAuthSource = verb("auth-sources.test", "auth-sources.update", async ({ input }: VerbArgs<{ name: string }>) => {
  const [row] = await getDb().select().from(authSources).where(eq(authSources.name, input.name));
  const source = loadSource(foundOrThrow(row, "login source"));
  const steps = source.kind === "ldap" ? await testLdap(source.config, source.secret) : await testOidc(source.config);
  return { ok: steps.every((s) => s.ok), steps };
});
