import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { kubeconfigText } from "@/lib/clusters/kubeconfig-text";
import { getDb, type Executor } from "@/lib/db/client";
import { sandboxTokens, users } from "@/lib/db/schema";

// Bearer tokens for the sandbox cluster and the kubeconfig that carries one. Only the sha256
// of a token is stored; the token itself is returned once. A token a user downloaded belongs to
// that user and dies with them: it is refused once they are disabled or deleted.

const PREFIX = "fsb_";
const CACHE_MS = 10_000;
/** Facet's own (ownerless) tokens, verified recently: the reconciler calls often. */
const verified = new Map<string, number>();
/** When a user's token last had its lastUsedAt written, so kubectl does not write every call. */
const touched = new Map<string, number>();

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export interface IssuedSandboxToken {
  id: number;
  token: string;
  expiresAt: Date | null;
}

/** Issues a token for the sandbox API: a user's kubeconfig (`userId`), or Facet's own (the seed). */
export async function issueSandboxToken(
  input: { name: string; ttlSeconds?: number; userId?: number },
  db: Executor = getDb(),
): Promise<IssuedSandboxToken> {
  const token = PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = input.ttlSeconds ? new Date(Date.now() + input.ttlSeconds * 1000) : null;
  const [{ id }] = await db
    .insert(sandboxTokens)
    .values({ name: input.name.slice(0, 128), userId: input.userId ?? null, tokenHash: hash(token), expiresAt })
    .$returningId();
  return { id, token, expiresAt };
}

export async function revokeSandboxToken(id: number): Promise<void> {
  await getDb()
    .update(sandboxTokens)
    .set({ revokedAt: sql`CURRENT_TIMESTAMP(3)` })
    .where(eq(sandboxTokens.id, id));
  forgetVerifiedSandboxTokens();
}

/** Drops cached verifications (after a revocation). */
export function forgetVerifiedSandboxTokens(): void {
  verified.clear();
}

/** True for a known, unexpired, unrevoked token whose owner (if any) still exists and is enabled.
 *  Facet's own tokens are cached briefly; a user's is checked on every call. */
export async function verifySandboxToken(token: string): Promise<boolean> {
  if (!token.startsWith(PREFIX)) return false;
  const digest = hash(token);
  const until = verified.get(digest);
  if (until && until > Date.now()) return true;
  const [row] = await getDb()
    .select({
      id: sandboxTokens.id,
      expiresAt: sandboxTokens.expiresAt,
      userId: sandboxTokens.userId,
      ownerId: users.id,
      ownerDisabled: users.disabled,
    })
    .from(sandboxTokens)
    .leftJoin(users, eq(users.id, sandboxTokens.userId))
    .where(and(eq(sandboxTokens.tokenHash, digest), isNull(sandboxTokens.revokedAt)));
  if (!row || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return false;
  if (row.userId !== null && (row.ownerId === null || row.ownerDisabled !== false)) return false;
  if (row.userId === null) verified.set(digest, Date.now() + CACHE_MS);
  const last = touched.get(digest) ?? 0;
  if (last + CACHE_MS <= Date.now()) {
    touched.set(digest, Date.now());
    if (touched.size > 10_000) touched.clear();
    await getDb()
      .update(sandboxTokens)
      .set({ lastUsedAt: sql`CURRENT_TIMESTAMP(3)` })
      .where(eq(sandboxTokens.id, row.id));
  }
  return true;
}

export interface KubeconfigInput {
  /** The console's origin, e.g. `http://localhost:3000`. */
  origin: string;
  token: string;
  clusterName?: string;
  namespace?: string;
}

export function sandboxServerUrl(origin: string): string {
  return `${origin.replace(/\/+$/, "")}/sandbox/k8s`;
}

/**
 * kubectl (client-go) sends kubeconfig credentials only over TLS. For a plain-http console the
 * token also rides in the server URL's userinfo, which Go's HTTP client sends as Basic auth.
 */
function kubectlServerUrl(origin: string, token: string): string {
  const url = new URL(sandboxServerUrl(origin));
  if (url.protocol !== "http:") return url.toString().replace(/\/$/, "");
  url.username = "facet";
  url.password = token;
  return url.toString().replace(/\/$/, "");
}

/** A kubeconfig for kubectl and client libraries, written by the `yaml` package (kubeconfigText). */
export function renderKubeconfig(input: KubeconfigInput): string {
  const name = input.clusterName ?? "facet-sandbox";
  // @kubernetes/client-node refuses plain http unless TLS verification is marked as skipped.
  const plainHttp = new URL(input.origin).protocol === "http:";
  return kubeconfigText({
    clusters: [{ name, server: kubectlServerUrl(input.origin, input.token), skipTLSVerify: plainHttp }],
    users: [{ name, token: input.token }],
    contexts: [{ name, cluster: name, user: name, namespace: input.namespace ?? "default" }],
    currentContext: name,
  });
}
