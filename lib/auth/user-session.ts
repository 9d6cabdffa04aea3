import "server-only";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { sessionOptions } from "./session";

// docs/decisions/022-sessions-and-sign-in-limits.md: the session cookie is still next-auth's
// JWT, but it names a UserSession row (`sid`), created at sign-in. Signing out ends the row,
// so a copied or replayed cookie is refused from then on (current-user.ts reads the row with
// the user on every request). A row lives as long as the cookie may, and no longer: next-auth
// slides the cookie's expiry on each visit, the row's expiry does not move.
export { completeSecondFactor, endUserSession, startUserSession, type UserSessionRow } from "./user-session-rows";

/**
 * The session the request's cookie names, if it is open (not ended, not expired, the user
 * enabled and the session version current), whether or not its second factor is still
 * pending: what the second-factor page needs. Everything else uses getCurrentUser(), which
 * refuses a pending session.
 */
export async function readSessionCookie(): Promise<{ sessionId: string; userId: string; pendingSecondFactor: boolean } | null> {
  const session = await getServerSession(sessionOptions());
  if (!session?.sid || !session.uid || session.sv === undefined) return null;
  const row = await db().userSession.findUnique({
    where: { id: session.sid },
    select: { id: true, userId: true, pendingSecondFactor: true, endedAt: true, expiresAt: true, user: { select: { disabledAt: true, sessionVersion: true } } },
  });
  if (!row || row.userId !== session.uid || row.endedAt || row.expiresAt <= new Date()) return null;
  if (row.user.disabledAt || row.user.sessionVersion !== session.sv) return null;
  return { sessionId: row.id, userId: row.userId, pendingSecondFactor: row.pendingSecondFactor };
}
