import type { SandboxTokenRow } from "@/lib/db/schema";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const sandboxCredentialDto = (t: SandboxTokenRow, owner: string | null) => ({
  id: t.id,
  name: t.name,
  owner,
  expiresAt: iso(t.expiresAt),
  lastUsedAt: iso(t.lastUsedAt),
  createdAt: t.createdAt.toISOString(),
  revokedAt: iso(t.revokedAt),
});
export type SandboxCredentialDto = ReturnType<typeof sandboxCredentialDto>;
