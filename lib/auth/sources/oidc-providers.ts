import "server-only";
import type { Provider } from "next-auth/providers";
import { logger } from "@/lib/observability/logger";
import { enabledSources, type LoadedSource } from "./store";

export const OIDC_PREFIX = "oidc-";

type OidcSource = Extract<LoadedSource, { kind: "oidc" }>;

function claim(profile: Record<string, unknown>, name: string): string | null {
  const v = profile[name];
  return typeof v === "string" && v ? v : null;
}

/** One next-auth provider per enabled OIDC source: by discovery, or by explicit endpoints. */
export function oidcProvider(source: OidcSource): Provider {
  const c = source.config;
  const common = {
    id: `${OIDC_PREFIX}${source.row.name}`,
    name: source.row.displayName,
    clientId: c.clientId,
    clientSecret: source.secret ?? undefined,
    checks: ["pkce", "state"] as ("pkce" | "state")[],
    profile(profile: Record<string, unknown>) {
      const username = claim(profile, c.claims.username) ?? claim(profile, "sub")!;
      return {
        id: String(profile.sub),
        username,
        email: claim(profile, c.claims.email),
        name: claim(profile, c.claims.displayName) ?? username,
      };
    },
  };
  // Claims from the userinfo endpoint: identity providers often keep email and name out of the ID token.
  if (c.issuer)
    return {
      ...common,
      type: "oidc",
      issuer: c.issuer,
      idToken: false,
      authorization: { params: { scope: c.scopes } },
    } as Provider;
  return {
    ...common,
    type: "oauth",
    // Checked against the `iss` a provider adds to its redirect back (RFC 9207); no discovery.
    issuer: c.issuerId || new URL(c.authorizationUrl!).origin,
    authorization: { url: c.authorizationUrl!, params: { scope: c.scopes } },
    token: c.tokenUrl!,
    userinfo: c.userinfoUrl!,
  } as Provider;
}

let cache: { at: number; providers: Provider[] } | null = null;

/** After a change to the sources, in this process the next sign-in sees it at once. */
export function clearOidcProviderCache(): void {
  cache = null;
}

/** Enabled OIDC sources, re-read at most every few seconds (next-auth asks on every request). */
export async function oidcProviders(): Promise<Provider[]> {
  if (cache && Date.now() - cache.at < 5_000) return cache.providers;
  try {
    const sources = (await enabledSources("oidc")) as OidcSource[];
    cache = { at: Date.now(), providers: sources.map(oidcProvider) };
  } catch (error) {
    logger.error({ err: error }, "could not load OIDC sources");
    cache = { at: Date.now(), providers: cache?.providers ?? [] };
  }
  return cache.providers;
}
