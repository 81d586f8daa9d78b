import "server-only";
import { eq } from "drizzle-orm";
import { inTransaction } from "@/lib/db/transaction";
import { authSources } from "@/lib/db/schema";
import { foundOrThrow } from "@/lib/db/rows";
import { clearOidcProviderCache } from "./oidc-providers";

export const lock = async (tx: Parameters<Parameters<typeof inTransaction>[0]>[0], name: string) =>
  foundOrThrow(
    (await tx.select().from(authSources).where(eq(authSources.name, name)).for("update"))[0],
    "login source",
  );

export async function afterChange<T>(work: Promise<T>): Promise<T> {
  const result = await work;
  clearOidcProviderCache();
  return result;
}
