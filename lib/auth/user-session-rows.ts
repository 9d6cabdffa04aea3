import "server-only";
import { db } from "@/lib/db";
import { SIGN_IN_LIMITS } from "./limits";

// The UserSession rows themselves; lib/auth/user-session.ts is the interface the rest of the
// app uses (docs/decisions/022-sessions-and-sign-in-limits.md). Kept apart so that
// session.ts (next-auth's callbacks) can write rows without importing what reads the cookie.

export type UserSessionRow = { id: string; expiresAt: Date };

/** Opens the server-side session a sign-in's cookie will name. */
export async function startUserSession(userId: string, opts: { pendingSecondFactor: boolean }): Promise<UserSessionRow> {
  return db().userSession.create({
    data: { userId, pendingSecondFactor: opts.pendingSecondFactor, expiresAt: new Date(Date.now() + SIGN_IN_LIMITS.sessionMaxAgeSeconds * 1000) },
    select: { id: true, expiresAt: true },
  });
}

/** The second factor was given: the session now signs the user in. Only an open session changes. */
export async function completeSecondFactor(sessionId: string): Promise<void> {
  await db().userSession.updateMany({
    where: { id: sessionId, endedAt: null, expiresAt: { gt: new Date() } },
    data: { pendingSecondFactor: false },
  });
}

/** Ends the session (signing out): its cookie is refused from now on. Ending it twice is harmless. */
export async function endUserSession(sessionId: string): Promise<void> {
  await db().userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date() } });
}
