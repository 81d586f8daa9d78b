// The closed list of permissions, `resource.action`. Reads end in `.read`; everything else writes.
export const PERMISSIONS = ["me.read"] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isWrite(permission: Permission): boolean {
  return !permission.endsWith(".read");
}
