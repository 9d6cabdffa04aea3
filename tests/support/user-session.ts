import type { SessionClaims } from "@/lib/auth/current-user";
import { startUserSession } from "@/lib/auth/user-session-rows";

/**
 * What a session cookie would name after `userId` signed in at `sessionVersion`: an open
 * UserSession row (second factor given) and the claims the jwt callback writes
 * (lib/auth/session.ts), for loadActor().
 */
export async function sessionOf(userId: string, sessionVersion: number): Promise<SessionClaims> {
  const session = await startUserSession(userId, { pendingSecondFactor: false });
  return { userId, sessionVersion, sessionId: session.id };
}
