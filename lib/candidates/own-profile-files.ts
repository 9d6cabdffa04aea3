import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { profileTakedowns, type Takedown } from "./profile-takedowns";

/** The keys of the candidate's own photo and CV, for their workspace (drafts included). */
export async function getOwnProfileFiles(actor: Actor | null) {
  assertCan(actor, "edit:profile:own", { candidateId: actor?.candidateId });
  if (!actor.candidateId) throw new DomainError("FORBIDDEN");
  const candidate = await db().candidate.findUnique({ where: { id: actor.candidateId }, select: { name: true, photoKey: true, cvKey: true } });
  if (!candidate) throw new DomainError("NOT_FOUND");
  return candidate;
}

/** The secretariat's takedowns of the candidate's own profile parts, newest first: the candidate is told why (docs/domain.md#takedown). */
export async function getOwnProfileTakedowns(actor: Actor | null): Promise<Takedown[]> {
  assertCan(actor, "edit:profile:own", { candidateId: actor?.candidateId });
  if (!actor.candidateId) throw new DomainError("FORBIDDEN");
  return profileTakedowns(db(), actor.candidateId);
}
