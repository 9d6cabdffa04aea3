import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "./current-user";
import { can, type Permission } from "./permissions";

/**
 * Gate of a signed-in area's pages: an anonymous visitor is sent to sign in, a user whose
 * role does not grant the area gets 403. (The services behind the area check again.)
 */
export async function requireArea(locale: string, permission: Permission, path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}${path}`)}`);
  if (!can(user, permission, { userId: user.id, candidateId: user.candidateId })) forbidden();
  return user;
}

export const AREA_HOME: Record<CurrentUser["role"], string> = {
  SECRETARIAT: "/admin",
  CHAIR: "/chair",
  CANDIDATE: "/my",
  ETHICS_OFFICER: "/ethics",
  MEMBER: "/member",
};
