import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { isAppError } from "@/lib/errors";
import { clientAddressFrom, requestIdFrom } from "@/lib/core/request-meta";
import { logger } from "@/lib/observability/logger";
import { baseAuthConfig } from "./base-config";
import { LoginInput } from "./schemas";
import { OIDC_PREFIX, oidcProviders } from "./sources/oidc-providers";
import { provisionExternalUser } from "./sources/provision-user";
import { verifyCredentials } from "./verify-credentials";
import { verifyLdapCredentials } from "./verify-ldap";

export class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

const credentials = Credentials({
  credentials: { username: {}, password: {}, source: {} },
  async authorize(raw, request) {
    const parsed = LoginInput.safeParse(raw);
    if (!parsed.success) return null;
    const source = typeof (raw as { source?: unknown }).source === "string" ? (raw as { source: string }).source : "";
    const clientAddress = clientAddressFrom(request.headers);
    try {
      const user =
        source && source !== "local"
          ? await verifyLdapCredentials({
              ...parsed.data,
              source,
              clientAddress,
              requestId: requestIdFrom(request.headers),
            })
          : await verifyCredentials({ ...parsed.data, clientAddress });
      return {
        id: String(user.id),
        name: user.displayName || user.username,
        email: user.email,
        username: user.username,
      };
    } catch (error) {
      if (isAppError(error) && error.code === "LIMIT_EXCEEDED") throw new ThrottledSignin();
      if (isAppError(error) && error.code === "UNAUTHORIZED") return null;
      throw error;
    }
  },
});

// The configuration is built per request so that OIDC sources added in the console take effect.
export const { handlers, auth, signIn, signOut } = NextAuth(async () => ({
  ...baseAuthConfig,
  logger: {
    // A refused password is an answer, not an error; everything else goes to the JSON log.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      const cause = (error as { cause?: { err?: Error } & Error }).cause;
      const root = cause?.err ?? cause;
      const detail = root as { error?: string; error_description?: string } | undefined;
      logger.error(
        {
          err: error,
          cause: root
            ? { message: root.message, error: detail?.error, description: detail?.error_description }
            : undefined,
        },
        "auth error",
      );
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
  },
  providers: [credentials, ...(await oidcProviders())],
  callbacks: {
    ...baseAuthConfig.callbacks,
    async jwt(params) {
      // First sign-in through an OIDC source: the Facet user bound to it takes the session.
      if (params.account?.provider.startsWith(OIDC_PREFIX) && params.user) {
        const source = params.account.provider.slice(OIDC_PREFIX.length);
        const u = params.user as { id?: string; username?: string; email?: string | null; name?: string | null };
        const dbUser = await provisionExternalUser(
          { actor: null, scope: {}, requestId: `oidc-${Date.now()}`, clientAddress: null },
          source,
          {
            externalId: String(params.account.providerAccountId ?? u.id),
            username: u.username ?? String(u.id),
            email: u.email ?? null,
            displayName: u.name ?? u.username ?? String(u.id),
          },
        );
        if (dbUser.disabled) throw new CredentialsSignin();
        params.user = {
          ...params.user,
          id: String(dbUser.id),
          username: dbUser.username,
        } as unknown as typeof params.user;
      }
      return baseAuthConfig.callbacks.jwt(params);
    },
  },
}));
