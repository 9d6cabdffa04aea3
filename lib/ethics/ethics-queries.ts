import "server-only";
import { assertCan } from "@/lib/auth/assert";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";

// 001: drafts, requests and advice are read by the candidate and the Ethics Office only.
// Every read here checks the caller itself; nothing here is cached or public.

const QUEUE_FIELDS = {
  id: true,
  status: true,
  requestedAt: true,
  answeredAt: true,
  material: { select: { title: true, kind: true } },
  candidate: { select: { name: true, conference: { select: { timeZone: true } } } },
} as const;

/** The Ethics Office's queue: requests waiting, oldest first, then the answered ones, latest first. */
export async function getReviewQueue(actor: Actor | null) {
  assertCan(actor, "review:material:any");
  const [pending, answered] = await Promise.all([
    db().ethicsReview.findMany({ where: { status: "PENDING" }, orderBy: [{ requestedAt: "asc" }, { id: "asc" }], select: QUEUE_FIELDS }),
    db().ethicsReview.findMany({ where: { status: { not: "PENDING" } }, orderBy: [{ answeredAt: "desc" }, { id: "asc" }], take: 200, select: QUEUE_FIELDS }),
  ]);
  return { pending, answered };
}

/** One request as the Ethics Office reads it, with the draft's own content. */
export async function getReviewForOffice(actor: Actor | null, id: string) {
  assertCan(actor, "review:material:any");
  const review = await db().ethicsReview.findUnique({
    where: { id },
    select: {
      id: true,
      question: true,
      status: true,
      answer: true,
      requestedAt: true,
      answeredAt: true,
      reviewer: { select: { name: true } },
      candidate: { select: { name: true, conference: { select: { timeZone: true } } } },
      material: {
        select: {
          id: true,
          kind: true,
          title: true,
          language: true,
          body: true,
          url: true,
          fileKey: true,
          fileName: true,
          state: true,
          videoSource: true,
          muxPlaybackId: true,
        },
      },
    },
  });
  if (!review) throw new DomainError("NOT_FOUND", { messageKey: "ethicsOffice.notFound" });
  return review;
}

/**
 * A candidate's own draft with the history of their requests and the Office's answers.
 * Another candidate's material is "not found", so that its existence is not revealed.
 */
export async function getOwnMaterialReviews(actor: Actor | null, materialId: string) {
  assertCan(actor, "request:ethics-review:own", { candidateId: actor?.candidateId });
  const material = await db().material.findUnique({
    where: { id: materialId },
    select: {
      id: true,
      candidateId: true,
      kind: true,
      title: true,
      language: true,
      state: true,
      candidate: { select: { conference: { select: { timeZone: true } } } },
      ethicsReviews: {
        orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
        select: { id: true, question: true, status: true, answer: true, requestedAt: true, answeredAt: true },
      },
    },
  });
  if (!material || !can(actor, "request:ethics-review:own", { candidateId: material.candidateId })) {
    throw new DomainError("NOT_FOUND", { messageKey: "ethicsRequest.notFound" });
  }
  return material;
}
