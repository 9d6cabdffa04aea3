import "server-only";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";

/** The candidature a candidate's account is bound to; only that candidate may read it here. */
export async function getOwnCandidature(user: CurrentUser) {
  if (!user.candidateId) return null;
  if (!can(user, "enter:workspace:own", { candidateId: user.candidateId })) throw new DomainError("FORBIDDEN");
  return db().candidate.findUnique({
    where: { id: user.candidateId },
    select: { id: true, name: true, status: true, post: { select: { code: true, names: true } } },
  });
}
