import "server-only";
import type { NextAuthOptions } from "next-auth";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/routing";
import { needsSecondFactor } from "./second-factor-rule";
import { SIGN_IN_LIMITS } from "./limits";
import { endUserSession, startUserSession } from "./user-session-rows";

// What reading a session needs of next-auth: the secret, the JWT strategy and the token's
// fields. Credentials sign-in requires JWT sessions (docs/toolchain.md#auth-and-jwt-sessions). The token
// carries only the user's id, session version and server-side session id: role and status are
// re-read from the database on every request, with the session row (current-user.ts), so a
// change takes effect at once and signing out ends the session for good
// (docs/decisions/022-sessions-and-sign-in-limits.md).
//
// The ways to sign in (password, the organisation's single sign-on) are added on top in
// lib/sign-in/options.ts, for next-auth's route only: reading a session never runs them, and
// lib/auth stays below users and audit, which signing in needs (docs/conventions.md#area-boundaries).
export function sessionOptions({ locale = "en" }: { locale?: Locale } = {}): NextAuthOptions {
  return {
    secret: env().AUTH_SECRET ?? "development-only-secret-do-not-use-in-production",
    session: { strategy: "jwt", maxAge: SIGN_IN_LIMITS.sessionMaxAgeSeconds },
    pages: { signIn: `/${locale}/sign-in`, error: `/${locale}/sign-in` },
    providers: [],
    callbacks: {
      async jwt({ token, user, account }) {
        if (user) {
          // A provider's profile that the signIn callback did not turn into an account.
          if (user.sessionVersion < 0) throw new Error("AccessDenied");
          // Only the password asks for a second factor: the organisation's single sign-on
          // is the members' own authentication.
          const pending = account?.provider === "credentials" && needsSecondFactor({ role: user.role ?? "MEMBER", totpEnabledAt: user.totpEnabledAt ?? null });
          const started = await startUserSession(user.id, { pendingSecondFactor: pending });
          token.uid = user.id;
          token.sv = user.sessionVersion;
          token.sid = started.id;
        }
        return token;
      },
      session({ session, token }) {
        session.uid = token.uid;
        session.sv = token.sv;
        session.sid = token.sid;
        return session;
      },
    },
    events: {
      // The sign-out route (POST /api/auth/signout with its CSRF token) hands over the token.
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endUserSession(token.sid);
      },
    },
  };
}
