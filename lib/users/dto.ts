import type { UserRow } from "@/lib/db/schema";

export function userDto(row: UserRow) {
  return {
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    systemRole: row.systemRole,
    disabled: row.disabled,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type UserDto = ReturnType<typeof userDto>;
