import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { isAppError } from "@/lib/errors";
import { clientAddressFrom } from "@/lib/http/request-meta";
import { logger } from "@/lib/observability/logger";
import { baseAuthConfig } from "./base-config";
import { LoginInput } from "./schemas";
import { verifyCredentials } from "./verify-credentials";

export class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...baseAuthConfig,
  logger: {
    // A refused password is an answer, not an error; everything else goes to the JSON log.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logger.error({ err: error }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw, request) {
        const parsed = LoginInput.safeParse(raw);
        if (!parsed.success) return null;
        try {
          const user = await verifyCredentials({ ...parsed.data, clientAddress: clientAddressFrom(request.headers) });
          return { id: String(user.id), name: user.displayName || user.username, email: user.email, username: user.username };
        } catch (error) {
          if (isAppError(error) && error.code === "LIMIT_EXCEEDED") throw new ThrottledSignin();
          if (isAppError(error) && error.code === "UNAUTHORIZED") return null;
          throw error;
        }
      },
    }),
  ],
});
