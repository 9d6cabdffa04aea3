import type { BrowserContext, Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { createDb, type PrismaClient } from "../../../lib/db/client";

// Signing in by minting the session, as the server would after a password sign-in: a
// UserSession row (lib/auth/user-session.ts, second factor given) and the same claims
// lib/auth/session.ts's jwt callback writes (the user's id, session version and that row's
// id), encrypted with the secret the test server runs with (playwright.config.ts). Only the
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

let e2eDb: PrismaClient | undefined;

/** The test server's database (E2E_DATABASE_URL), for the session rows of specs that pass none. */
function sessionDb(): PrismaClient {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: pass the database the server uses to sessionToken()");
  e2eDb ??= createDb(url);
  return e2eDb;
}

/**
 * The session cookie's value for `user`, exactly what next-auth would have set, with its
 * session row written to `db` (the server's database; by default E2E_DATABASE_URL's).
 */
export async function sessionToken(user: SessionUser, db: PrismaClient = sessionDb()): Promise<string> {
  const sv = user.sessionVersion ?? 0;
  const session = await db.userSession.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + MAX_AGE_SECONDS * 1000), pendingSecondFactor: false },
    select: { id: true },
  });
  return encode({
    token: { sub: user.id, uid: user.id, sv, sid: session.id, email: user.email ?? null, name: user.name ?? null },
    secret: SECRET,
    maxAge: MAX_AGE_SECONDS,
  });
}

/**
 * Puts `user`'s session on the browser context (a page signs in its whole context), for the
 * suite's server or, with `url`, a server a spec started itself on the suite's database.
 */
export async function signInAs(target: Page | BrowserContext, user: SessionUser, { url = e2eBaseUrl() }: { url?: string } = {}): Promise<void> {
  const context = "context" in target ? target.context() : target;
  await context.addCookies([
    {
      name: SESSION_COOKIE,
      value: await sessionToken(user),
      url,
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
