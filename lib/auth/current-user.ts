import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { sessionOptions } from "./session";
import { assertCan } from "./assert";
import type { Actor, OwnedResource, Permission } from "./permissions";

export type CurrentUser = Actor & { email: string; name: string };

/**
 * The one way to get the signed-in user. The session cookie only names the user; role,
 * binding and status come from the database on every request, and a session whose
 * version is older than the user's (bumped on disable or role change) is not accepted.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(sessionOptions());
  if (!session?.uid || session.sv === undefined) return null;
  return loadActor(session.uid, session.sv);
});

/** The user a session names, if that session is still valid: not disabled, not superseded. */
export async function loadActor(userId: string, sessionVersion: number): Promise<CurrentUser | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, candidateId: true, disabledAt: true, sessionVersion: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
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
