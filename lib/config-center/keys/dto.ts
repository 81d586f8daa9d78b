import type { ConfigKeyRow } from "@/lib/db/schema";

export function configKeyDto(row: ConfigKeyRow, where: { namespace: string; group: string }) {
  return {
    id: row.id,
    name: row.name,
    access: row.access,
    username: row.username,
    ...where,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}
export type ConfigKeyDto = ReturnType<typeof configKeyDto>;
