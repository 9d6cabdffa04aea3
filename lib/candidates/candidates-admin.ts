import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { nominationRefusal } from "./nomination";

export const CANDIDATE_FIELDS = {
  id: true,
  conferenceId: true,
  postId: true,
  memberStateId: true,
  name: true,
  isInternal: true,
  status: true,
  formallyReceivedAt: true,
} satisfies Prisma.CandidateSelect;

/**
 * A candidature read inside a change on `conferenceId`, locked so that concurrent changes
 * apply one after the other. The caller has locked the conference first (lib/conferences/lock):
 * one of another conference is refused as unknown (docs/decisions/012).
 */
export async function lockCandidate(tx: Tx, id: string, conferenceId: string) {
  await tx.$executeRaw`SELECT 1 FROM "Candidate" WHERE id = ${id} FOR UPDATE`;
  const candidate = await tx.candidate.findUnique({ where: { id }, select: CANDIDATE_FIELDS });
  if (!candidate || candidate.conferenceId !== conferenceId) throw new DomainError("NOT_FOUND");
  return candidate;
}

/** The conference of a candidature named by id, to lock before the candidature; unknown ids are NOT_FOUND. */
export async function conferenceOfCandidate(tx: Tx, id: string) {
  const candidate = await tx.candidate.findUnique({ where: { id }, select: { conferenceId: true } });
  if (!candidate) throw new DomainError("NOT_FOUND");
  return candidate.conferenceId;
}

/**
 * Checks the post and the nominating state of a candidature on `conferenceId`. The post row
 * is locked (FOR SHARE) so that it cannot be deleted or retired while its candidate is
 * written; a post of another conference is no choice here, as an unknown one.
 */
export async function checkNomination(tx: Tx, conferenceId: string, input: { postId: string; memberStateId: string; previousPostId?: string }) {
  await tx.$executeRaw`SELECT 1 FROM "Post" WHERE id = ${input.postId} FOR SHARE`;
  const post = await tx.post.findUnique({
    where: { id: input.postId },
    select: { id: true, conferenceId: true, kind: true, region: true, retiredAt: true, conference: { select: { closesOn: true } } },
  });
  if (!post || post.conferenceId !== conferenceId) throw new DomainError("INVALID_INPUT", { fieldErrors: { postId: "choose" } });
  const state = await tx.memberState.findUnique({ where: { id: input.memberStateId }, select: { region: true, admittedOn: true } });
  if (!state) throw new DomainError("INVALID_INPUT", { fieldErrors: { memberStateId: "choose" } });
  const refusal = nominationRefusal({
    post,
    state,
    conferenceClosesOn: post.conference.closesOn,
    postChanged: post.id !== input.previousPostId,
  });
  if (refusal) throw new DomainError("CONFLICT", { messageKey: refusal.messageKey, fieldErrors: { [refusal.field]: refusal.messageKey } });
  return post;
}

/** The candidatures of `conferenceId`, for the secretariat's list. */
export async function listCandidatesForAdmin(actor: Actor | null, conferenceId: string) {
  assertCan(actor, "manage:candidate:any");
  return db().candidate.findMany({
    where: { conferenceId },
    orderBy: [{ post: { sortOrder: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      status: true,
      isInternal: true,
      post: { select: { code: true, names: true } },
      memberState: { select: { iso2: true, nameEn: true } },
    },
  });
}

/** What the register and edit forms of `conferenceId` choose from: its posts, and every Member State. */
export async function getNominationOptions(actor: Actor | null, conferenceId: string) {
  assertCan(actor, "manage:candidate:any");
  const [posts, states] = await Promise.all([
    db().post.findMany({
      where: { conferenceId },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, code: true, names: true, retiredAt: true },
    }),
    db().memberState.findMany({ orderBy: { nameEn: "asc" }, select: { id: true, iso2: true, nameEn: true } }),
  ]);
  return { posts, states };
}

/** One candidature of `conferenceId` with its status history and its account, for the detail page. */
export async function getCandidateForAdmin(actor: Actor | null, which: { conferenceId: string; id: string }) {
  assertCan(actor, "manage:candidate:any");
  const candidate = await db().candidate.findFirst({
    where: { id: which.id, conferenceId: which.conferenceId },
    select: {
      ...CANDIDATE_FIELDS,
      post: { select: { code: true, names: true } },
      memberState: { select: { iso2: true, nameEn: true } },
      conference: { select: { opensOn: true, deadlineOverrideAt: true, deadlineOverrideReason: true } },
      statusHistory: {
        orderBy: [{ at: "desc" }, { id: "desc" }],
        select: { id: true, fromStatus: true, toStatus: true, formallyReceivedAt: true, note: true, at: true, actor: { select: { name: true } } },
      },
      user: { select: { id: true, email: true, disabledAt: true } },
    },
  });
  if (!candidate) throw new DomainError("NOT_FOUND");
  return candidate;
}
