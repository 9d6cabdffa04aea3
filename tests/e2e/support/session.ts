import type { BrowserContext, Page } from "@playwright/test";
import { encode } from "next-auth/jwt";

// Signing in by minting the session, as the server would after a password sign-in: the same
// claims lib/auth/session.ts's jwt callback writes (the user's id and session version),
// encrypted with the secret the test server runs with (playwright.config.ts). Only the
// sign-in specs go through the form; every other spec starts signed in.

const SECRET = process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789";
/** lib/auth/session.ts: sessions last eight hours. */
const MAX_AGE_SECONDS = 8 * 60 * 60;
/** next-auth's cookie name when NEXTAUTH_URL is plain http, as on the test server. */
export const SESSION_COOKIE = "next-auth.session-token";

/** Who to sign in: a user the test created (new users start at session version 0). */
export type SessionUser = { id: string; email?: string; name?: string; sessionVersion?: number };

export function e2eBaseUrl(): string {
  return `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
}

/** The session cookie's value for `user`, exactly what next-auth would have set. */
export async function sessionToken(user: SessionUser): Promise<string> {
  const sv = user.sessionVersion ?? 0;
  return encode({
    token: { sub: user.id, uid: user.id, sv, email: user.email ?? null, name: user.name ?? null },
    secret: SECRET,
    maxAge: MAX_AGE_SECONDS,
  });
}

/** Puts `user`'s session on the browser context (a page signs in its whole context). */
export async function signInAs(target: Page | BrowserContext, user: SessionUser): Promise<void> {
  const context = "context" in target ? target.context() : target;
  await context.addCookies([
    {
      name: SESSION_COOKIE,
      value: await sessionToken(user),
      url: e2eBaseUrl(),
      httpOnly: true,
      sameSite: "Lax",
      expires: Math.floor(Date.now() / 1000) + MAX_AGE_SECONDS,
    },
  ]);
}

/** Ends the session in this context, as signing out would. */
export async function signOut(target: Page | BrowserContext): Promise<void> {
  const context = "context" in target ? target.context() : target;
  await context.clearCookies({ name: SESSION_COOKIE });
}
