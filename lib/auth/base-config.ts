import type { NextAuthConfig } from "next-auth";

// The part of the next-auth configuration the proxy needs: no providers, no database.
export const baseAuthConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 3600 },
  pages: { signIn: "/login" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.username = (user as { username?: string }).username;
        // When the person signed in; a later password reset or revocation ends older sessions.
        token.authAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid ?? "");
      const extra = session as unknown as { username?: string; authAt?: number };
      extra.username = token.username as string | undefined;
      extra.authAt = token.authAt as number | undefined;
      return session;
    },
  },
} satisfies NextAuthConfig;
