import type { SYSTEM_ROLES } from "@/lib/db/schema/users";

export type SystemRole = (typeof SYSTEM_ROLES)[number];

/** Who is acting, as every verb and policy decision sees it. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  systemRole: SystemRole;
  /** How the request proved who it is; tokens may be limited to reads. */
  via: "session" | "token";
  tokenScope: "read-write" | "read-only";
}
