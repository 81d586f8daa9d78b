import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { authenticateToken } from "@/lib/auth/authenticate-token";
import { getDb } from "@/lib/db/client";
import { configKeys, environments, projects, tenants, type ConfigKeyRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { EnvironmentType } from "@/lib/rbac";
import { looksLikeKeyUsername, secretMatches } from "../keys/credentials";
import { namespaceOf } from "../namespace";
import { looksLikeKeyToken, verifyKeyToken } from "./access-token";

/** A config key with the names of the one environment it opens. */
export interface KeyGrant {
  key: ConfigKeyRow;
  tenant: { id: number; name: string };
  project: { id: number; name: string };
  environment: { id: number; name: string; type: EnvironmentType };
  namespace: string;
}

export type Principal = { kind: "key"; grant: KeyGrant } | { kind: "user"; actor: Actor };

const refused = (message = "unknown user!") => new AppError("UNAUTHORIZED", message);
const TOUCH_EVERY_MS = 60_000;

/**
 * Who calls Facet's Nacos API: `accessToken` (query, form or Bearer) from auth/login, or a
 * config key's username/password sent with every request, as the Node SDK does.
 */
export async function authenticateNacos(params: URLSearchParams, headers: Headers): Promise<Principal> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1];
  const token = params.get("accessToken") || bearer;
  if (token) {
    if (looksLikeKeyToken(token)) {
      const keyId = verifyKeyToken(token);
      const grant = keyId === null ? null : await keyGrant(eq(configKeys.id, keyId));
      if (!grant) throw refused("token invalid or expired");
      return { kind: "key", grant };
    }
    return {
      kind: "user",
      actor: await authenticateToken(token).catch(() => Promise.reject(refused("token invalid or expired"))),
    };
  }
  const username = params.get("username");
  const password = params.get("password");
  if (username && password && looksLikeKeyUsername(username))
    return { kind: "key", grant: await keyByPassword(username, password) };
  throw refused(
    username
      ? "unknown user!"
      : "user not found! Send a config key's username and password, or an accessToken from /v1/auth/login.",
  );
}

export async function keyByPassword(username: string, password: string): Promise<KeyGrant> {
  const grant = await keyGrant(eq(configKeys.username, username));
  if (!grant || !secretMatches(password, grant.key.secretHash)) throw refused();
  return grant;
}

async function keyGrant(where: ReturnType<typeof eq>): Promise<KeyGrant | null> {
  const db = getDb();
  const [row] = await db
    .select({
      key: configKeys,
      tenantName: tenants.name,
      projectName: projects.name,
      envName: environments.name,
      envType: environments.type,
    })
    .from(configKeys)
    .innerJoin(tenants, eq(tenants.id, configKeys.tenantId))
    .innerJoin(projects, eq(projects.id, configKeys.projectId))
    .innerJoin(environments, eq(environments.id, configKeys.environmentId))
    .where(where)
    .limit(1);
  if (!row) return null;
  const { key } = row;
  const now = Date.now();
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    // Informational; a lost race only skips one touch.
    await db
      .update(configKeys)
      .set({ lastUsedAt: sql`CURRENT_TIMESTAMP(3)` })
      .where(
        and(
          eq(configKeys.id, key.id),
          eq(configKeys.tenantId, key.tenantId),
          or(isNull(configKeys.lastUsedAt), lt(configKeys.lastUsedAt, new Date(now - TOUCH_EVERY_MS))),
        ),
      );
  }
  return {
    key,
    tenant: { id: key.tenantId, name: row.tenantName },
    project: { id: key.projectId, name: row.projectName },
    environment: { id: key.environmentId, name: row.envName, type: row.envType },
    namespace: namespaceOf(key.tenantId, key.projectId),
  };
}

/** The actor a key acts as: its username in audit rows, writes only when read-write. */
export function keyActor(grant: KeyGrant): Actor {
  return {
    id: 0,
    username: grant.key.username,
    displayName: grant.key.name,
    systemRole: "normal",
    via: "token",
    tokenScope: grant.key.access,
  };
}
