import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { presentersOf, requireHearing } from "./hearing-admin";
import { presentersChanged } from "./rules";
import { noInputSchema } from "./schema";
import { assertImpartialChair } from "./set-up-hearing";
import { hearingStage } from "./stage";

const REFUSALS = {
  COMMITTED: "adminHearing.reopenFirst",
  RUNNING: "adminHearing.presentersFrozen",
  ENDED: "adminHearing.presentersFrozen",
  REVEALED: "adminHearing.presentersFrozen",
  CLOSED: "adminHearing.recordClosed",
} as const;

/**
 * Brings the hearing's slots in line with the candidatures (a late formal candidature, a
 * withdrawal), during the set-up only: once a seed is committed the presenters are frozen,
 * and changing them takes a public re-opening first (reopen-set-up.ts); once the hearing has
 * started, who presented is a fact (docs/decisions/014-hearing-record-integrity.md). The
 * chair's impartiality is checked again against the new presenters (¶8).
 */
export async function refreshPresenters({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  parseInput(noInputSchema, input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const hearing = await requireHearing(tx, conference.id);
    const stage = hearingStage(hearing);
    if (stage !== "SET_UP") throw new DomainError("CONFLICT", { messageKey: REFUSALS[stage] });
    const presenters = await presentersOf(tx, conference.id);
    if (hearing.chairId)
      await assertImpartialChair(
        tx,
        hearing.chairId,
        presenters.map((p) => p.memberStateId),
      );

    const slots = await tx.hearingSlot.findMany({ where: { hearingId: hearing.id }, select: { candidateId: true, position: true } });
    const before = slots.map((s) => s.candidateId).sort();
    const after = presenters.map((p) => p.id).sort();
    const changed = presentersChanged(before, after);
    if (changed) {
      await tx.hearingSlot.deleteMany({ where: { hearingId: hearing.id, candidateId: { notIn: after } } });
      await tx.hearingSlot.updateMany({ where: { hearingId: hearing.id }, data: { position: null } });
      await tx.hearingSlot.createMany({
        data: after.filter((id) => !before.includes(id)).map((candidateId) => ({ hearingId: hearing.id, candidateId })),
      });
      await emitAudit(tx, {
        actor,
        area: "hearing",
        action: "presenters-refreshed",
        entity: "Hearing",
        entityId: hearing.id,
        before: { presenters: before, positions: slots },
        after: { presenters: after },
      });
    }
    return { changed, presenters: after.length };
  });
}
