import type { Actor } from "@/lib/auth/actor";
import { isWrite, type Permission } from "./permissions";

export type Decision = { allow: true } | { allow: false; status: "forbidden" | "not-found"; reason: string };

/** What the request is about; filled in by later domains (tenant, project, environment). */
export type Scope = Record<string, never>;

const allow: Decision = { allow: true };

/** Pure: no I/O. Everything the decision needs is in the actor and the scope. */
export function decide(actor: Actor, permission: Permission, _scope: Scope = {}): Decision {
  if (actor.tokenScope === "read-only" && isWrite(permission)) {
    return { allow: false, status: "forbidden", reason: "This token is read-only." };
  }
  if (actor.systemRole === "sysadmin") return allow;
  switch (permission) {
    case "me.read":
      return allow;
  }
}
