import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { configKeys } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { scopeIds } from "@/lib/tenancy/scope";
import { configKeyDto } from "./keys/dto";
import { locate } from "./location";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** The environment's Nacos keys, without their passwords (only hashes are kept). */
export const listConfigKeys = verb(
  "configs.keys.list",
  "configs.keys.read",
  async ({ ctx }: VerbArgs<void, EnvironmentCtx>) => {
    const { tenantId, environmentId } = scopeIds(ctx);
    const loc = await locate(ctx);
    const rows = await getDb()
      .select()
      .from(configKeys)
      .where(and(eq(configKeys.environmentId, environmentId!), eq(configKeys.tenantId, tenantId)))
      .orderBy(asc(configKeys.name));
    return { items: rows.map((r) => configKeyDto(r, loc)) };
  },
);
