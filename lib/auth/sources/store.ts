import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { open } from "@/lib/crypto/secret-box";
import { getDb } from "@/lib/db/client";
import { authSources, type AuthSourceRow } from "@/lib/db/schema";
import { LdapConfig, OidcConfig } from "./schemas";

export type LoadedSource =
  | { row: AuthSourceRow; kind: "ldap"; config: LdapConfig; secret: string | null }
  | { row: AuthSourceRow; kind: "oidc"; config: OidcConfig; secret: string | null };

export function loadSource(row: AuthSourceRow): LoadedSource {
  const secret = row.secret ? open(row.secret) : null;
  return row.kind === "ldap"
    ? { row, kind: "ldap", config: LdapConfig.parse(row.config), secret }
    : { row, kind: "oidc", config: OidcConfig.parse(row.config), secret };
}

export async function enabledSources(kind?: "ldap" | "oidc"): Promise<LoadedSource[]> {
  const rows = await getDb()
    .select()
    .from(authSources)
    .where(and(eq(authSources.enabled, true), kind ? eq(authSources.kind, kind) : undefined))
    .orderBy(asc(authSources.name));
  return rows.map(loadSource);
}

export async function enabledSource(name: string, kind: "ldap" | "oidc"): Promise<LoadedSource | null> {
  const [row] = await getDb()
    .select()
    .from(authSources)
    .where(and(eq(authSources.name, name), eq(authSources.kind, kind), eq(authSources.enabled, true)));
  return row ? loadSource(row) : null;
}

/** What the sign-in page may show: names only. */
export async function signInChoices(): Promise<{ name: string; kind: "ldap" | "oidc"; displayName: string }[]> {
  const rows = await getDb()
    .select({ name: authSources.name, kind: authSources.kind, displayName: authSources.displayName })
    .from(authSources)
    .where(eq(authSources.enabled, true))
    .orderBy(asc(authSources.name));
  return rows;
}
