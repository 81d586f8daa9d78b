import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { tenants } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { tenantDto } from "../dto";
import { foundOrThrow } from "@/lib/db/rows";
import { scopeIds } from "../scope";

export const getTenant = verb("tenants.get", "tenants.read", async ({ ctx }: VerbArgs<void>) => {
  const [row] = await getDb()
    .select()
    .from(tenants)
    .where(eq(tenants.id, scopeIds(ctx).tenantId));
  return tenantDto(foundOrThrow(row, "tenant"), ctx.scope.tenantRole ?? null);
});
