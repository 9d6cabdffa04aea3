import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation/parse";
import { CANDIDATE_FIELDS, checkNomination } from "./candidates-admin";
import { registerCandidateSchema } from "./schema";

/**
 * The secretariat registers a candidature announced by a Member State for a post of
 * `conferenceId`. It starts as announced, with that first step in its status history.
 */
export async function registerCandidate({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:candidate:any");
  const data = parseInput(registerCandidateSchema, input);
  return db().$transaction(async (tx) => {
    await lockConferenceForChange(tx, conferenceId);
    const post = await checkNomination(tx, conferenceId, data);
    const after = await tx.candidate.create({
      data: {
        ...data,
        conferenceId: post.conferenceId,
        status: "ANNOUNCED",
        statusHistory: { create: { fromStatus: null, toStatus: "ANNOUNCED", actorId: actor.id } },
      },
      select: CANDIDATE_FIELDS,
    });
    await emitAudit(tx, { actor, area: "candidate", action: "registered", entity: "Candidate", entityId: after.id, after });
    return after;
  });
}
