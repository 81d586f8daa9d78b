import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { authSources } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { foundOrThrow } from "@/lib/db/rows";
import { testLdap } from "./ldap";
import { testOidc } from "./oidc-test";
import { loadSource } from "./store";

/** Checks a source from the server and says which step failed. Changes nothing. */
export const testAuthSource = verb(
  "auth-sources.test",
  "auth-sources.update",
  async ({ input }: VerbArgs<{ name: string }>) => {
    const [row] = await getDb().select().from(authSources).where(eq(authSources.name, input.name));
    const source = loadSource(foundOrThrow(row, "login source"));
    const steps = source.kind === "ldap" ? await testLdap(source.config, source.secret) : await testOidc(source.config);
    return { ok: steps.every((s) => s.ok), steps };
  },
);
