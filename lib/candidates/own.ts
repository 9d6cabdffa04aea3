import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";

/** The candidature a candidate's account is bound to; only that candidate may read it here. */
export async function getOwnCandidature(user: CurrentUser) {
  if (!user.candidateId) return null;
  assertCan(user, "enter:workspace:own", { candidateId: user.candidateId });
  return db().candidate.findUnique({
    where: { id: user.candidateId },
    select: { id: true, name: true, status: true, post: { select: { code: true, names: true } } },
  });
}
