import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

export type RoomQuestionTargets = {
  hearingId: string;
  /** Candidates who may still be asked: speaking now or still to come, in running order. */
  waiting: { candidateId: string; name: string; position: number | null }[];
};

/**
 * ¶6: whom a question handed in on a card may be addressed to, for the secretariat's form
 * on `conferenceId`'s console. Null when the hearing is not that conference's, has ended,
 * or every candidate has spoken.
 */
export async function getRoomQuestionTargets(actor: Actor | null, which: { conferenceId: string; hearingId: string }): Promise<RoomQuestionTargets | null> {
  assertCan(actor, "enter:hearing-question:any");
  const hearing = await db().hearing.findFirst({
    where: { id: which.hearingId, conferenceId: which.conferenceId },
    select: {
      id: true,
      status: true,
      slots: {
        select: { position: true, finishedAt: true, candidate: { select: { id: true, name: true } } },
        orderBy: [{ position: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      },
    },
  });
  if (!hearing || hearing.status === "ENDED") return null;
  const waiting = hearing.slots
    .filter((s) => s.finishedAt === null)
    .map((s) => ({ candidateId: s.candidate.id, name: s.candidate.name, position: s.position }));
  return waiting.length === 0 ? null : { hearingId: hearing.id, waiting };
}
