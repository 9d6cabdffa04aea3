import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { sessionOptions } from "./session";
import { assertCan } from "./assert";
import type { Actor, OwnedResource, Permission } from "./permissions";

export type CurrentUser = Actor & { email: string; name: string };

/**
 * The one way to get the signed-in user. The session cookie only names the user and the
 * server-side session; role, binding and status come from the database on every request, with
 * the session row in the same query. Not accepted: a session that was ended (signed out),
 * has expired, still waits for its second factor, or whose version is older than the user's
 * (bumped on disable or role change) — docs/decisions/022-sessions-and-sign-in-limits.md.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(sessionOptions());
  if (!session?.uid || !session.sid || session.sv === undefined) return null;
  return loadActor({ userId: session.uid, sessionVersion: session.sv, sessionId: session.sid });
});

export type SessionClaims = { userId: string; sessionVersion: number; sessionId: string };

/** The user a session names, if that session is still valid: open, complete, not superseded, the user not disabled. */
export async function loadActor(claims: SessionClaims): Promise<CurrentUser | null> {
  const row = await db().userSession.findUnique({
    where: { id: claims.sessionId },
    select: {
      userId: true,
      endedAt: true,
      expiresAt: true,
      pendingSecondFactor: true,
      user: { select: { id: true, email: true, name: true, role: true, candidateId: true, disabledAt: true, sessionVersion: true } },
    },
  });
  if (!row || row.userId !== claims.userId || row.endedAt || row.expiresAt <= new Date() || row.pendingSecondFactor) return null;
  const user = row.user;
  if (user.disabledAt || user.sessionVersion !== claims.sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    candidateId: user.candidateId,
    disabled: false,
  };
}

/** Throws unless the current user may do `permission`; returns that user. */
export async function authorize(permission: Permission, resource?: OwnedResource): Promise<CurrentUser> {
  const user = await getCurrentUser();
  assertCan(user, permission, resource);
  return user;
}
