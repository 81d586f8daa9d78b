import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { isAppError } from "@/lib/errors";
import { clientAddressFrom } from "@/lib/http/request-meta";
import { baseAuthConfig } from "./base-config";
import { LoginInput } from "./schemas";
import { verifyCredentials } from "./verify-credentials";

export class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...baseAuthConfig,
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
