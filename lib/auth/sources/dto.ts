import type { AuthSourceRow } from "@/lib/db/schema";

/** Never the secret: only whether one is set. */
export function authSourceDto(row: AuthSourceRow) {
  return {
    name: row.name,
    kind: row.kind,
    displayName: row.displayName,
    enabled: row.enabled,
    config: row.config,
    hasSecret: Boolean(row.secret),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type AuthSourceDto = ReturnType<typeof authSourceDto>;
