import "server-only";
import { and, asc, eq, gt, like, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { tenantMembers, tenants } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { tenantDto } from "../dto";
import { containsPattern, decodeCursor, toPage } from "@/lib/core/pagination";
import type { ListQuery } from "../schemas";

/** Sysadmins see every tenant; everyone else only the tenants they belong to. */
export const listTenants = verb("tenants.list", "tenants.list", async ({ ctx, input }: VerbArgs<ListQuery>) => {
  const after = decodeCursor(input.cursor);
  const filters: (SQL | undefined)[] = [
    after ? gt(tenants.name, after) : undefined,
    input.q ? like(tenants.name, containsPattern(input.q)) : undefined,
  ];
  const sysadmin = ctx.actor.systemRole === "sysadmin";
  const rows = await getDb()
    .select({ tenant: tenants, role: tenantMembers.role })
    .from(tenants)
    [sysadmin ? "leftJoin" : "innerJoin"](
      tenantMembers,
      and(eq(tenantMembers.tenantId, tenants.id), eq(tenantMembers.userId, ctx.actor.id)),
    )
    .where(and(...filters))
    .orderBy(asc(tenants.name))
    .limit(input.limit + 1);
  return toPage(
    rows,
    input.limit,
    (r) => r.tenant.name,
    (r) => tenantDto(r.tenant, r.role),
  );
});
