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
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid ?? "");
      (session.user as { username?: string }).username = token.username as string | undefined;
      return session;
    },
  },
} satisfies NextAuthConfig;
