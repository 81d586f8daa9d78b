import "server-only";
import { eq, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { seal } from "@/lib/crypto/secret-box";
import { inTransaction } from "@/lib/db/transaction";
import { authSources } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { zodIssues } from "@/lib/core/parse-with";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { assertVersion } from "@/lib/db/rows";
import { authSourceDto } from "./dto";
import { LdapConfig, OidcConfig, type UpdateAuthSourceInput } from "./schemas";
import { lock, afterChange } from "./source-rows";

export const updateAuthSource = verb(
  "auth-sources.update",
  "auth-sources.update",
  async ({ ctx, input }: VerbArgs<{ name: string; changes: UpdateAuthSourceInput; expectedVersion?: number }>) =>
    afterChange(
      inTransaction(async (tx) => {
        const before = await lock(tx, input.name);
        assertVersion(before, input.expectedVersion);
        const { config, bindPassword, clientSecret, ...rest } = input.changes;
        let parsedConfig: Record<string, unknown> | undefined;
        if (config) {
          const result = (before.kind === "ldap" ? LdapConfig : OidcConfig).safeParse(config);
          if (!result.success) {
            throw new AppError("VALIDATION", "The config does not fit the source's kind.", {
              errors: zodIssues(result.error).map((e) => ({ ...e, path: `body.config.${e.path}` })),
            });
          }
          parsedConfig = result.data as Record<string, unknown>;
        }
        const secret = before.kind === "ldap" ? bindPassword : clientSecret;
        await tx
          .update(authSources)
          .set({
            ...rest,
            ...(parsedConfig && { config: parsedConfig }),
            ...(secret !== undefined && { secret: secret ? seal(secret) : null }),
            version: sql`${authSources.version} + 1`,
          })
          .where(eq(authSources.id, before.id));
        const [after] = await tx.select().from(authSources).where(eq(authSources.id, before.id));
        await writeAudit(tx, ctx, {
          action: "auth-sources.update",
          target: `auth-source/${input.name}`,
          before: authSourceDto(before),
          after: { ...authSourceDto(after), ...(secret !== undefined && { secret: "[changed]" }) },
        });
        return authSourceDto(after);
      }),
    ),
);
