import "server-only";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { seal } from "@/lib/crypto/secret-box";
import { inTransaction } from "@/lib/db/transaction";
import { authSources } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { uniqueOrConflict } from "@/lib/db/rows";
import { authSourceDto } from "./dto";
import { type CreateAuthSourceInput } from "./schemas";
import { afterChange } from "./source-rows";

export const createAuthSource = verb(
  "auth-sources.create",
  "auth-sources.create",
  async ({ ctx, input }: VerbArgs<CreateAuthSourceInput>) =>
    afterChange(
      inTransaction(async (tx) => {
        const secret = input.kind === "ldap" ? input.bindPassword : input.clientSecret;
        await uniqueOrConflict(
          tx.insert(authSources).values({
            name: input.name,
            kind: input.kind,
            displayName: input.displayName,
            enabled: input.enabled,
            config: input.config,
            secret: secret ? seal(secret) : null,
          }),
          `A login source named '${input.name}' already exists.`,
        );
        const [row] = await tx.select().from(authSources).where(eq(authSources.name, input.name));
        await writeAudit(tx, ctx, {
          action: "auth-sources.create",
          target: `auth-source/${input.name}`,
          after: { ...authSourceDto(row), secret: secret ? "[set]" : null },
        });
        return authSourceDto(row);
      }),
    ),
);
