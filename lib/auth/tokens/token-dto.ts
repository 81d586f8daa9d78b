import "server-only";
import { type ApiTokenRow } from "@/lib/db/schema";

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const tokenDto = (t: ApiTokenRow) => ({
  id: t.id,
  name: t.name,
  scope: t.scope,
  expiresAt: t.expiresAt.toISOString(),
  lastUsedAt: iso(t.lastUsedAt),
  createdAt: t.createdAt.toISOString(),
  revokedAt: iso(t.revokedAt),
});

export type TokenDto = ReturnType<typeof tokenDto>;
