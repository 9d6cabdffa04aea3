import "server-only";
import type { NextAuthOptions } from "next-auth";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/routing";

// What reading a session needs of next-auth: the secret, the JWT strategy and the token's two
// fields. Credentials sign-in requires JWT sessions (docs/toolchain.md#auth-and-jwt-sessions). The token
// carries only the user's id and session version: role and status are re-read from the
// database on every request (current-user.ts), so a change takes effect at once.
//
// The ways to sign in (password, the organisation's single sign-on) are added on top in
// lib/sign-in/options.ts, for next-auth's route only: reading a session never runs them, and
// lib/auth stays below users and audit, which signing in needs (docs/conventions.md#area-boundaries).
export function sessionOptions({ locale = "en" }: { locale?: Locale } = {}): NextAuthOptions {
  return {
    secret: env().AUTH_SECRET ?? "development-only-secret-do-not-use-in-production",
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: `/${locale}/sign-in`, error: `/${locale}/sign-in` },
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          // A provider's profile that the signIn callback did not turn into an account.
          if (user.sessionVersion < 0) throw new Error("AccessDenied");
          token.uid = user.id;
          token.sv = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        session.uid = token.uid;
        session.sv = token.sv;
        return session;
      },
    },
  };
}
