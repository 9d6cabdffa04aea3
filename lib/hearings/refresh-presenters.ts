import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation/parse";
import { presentersOf, requireHearing } from "./hearing-admin";
import { presentersChanged } from "./rules";
import { noInputSchema } from "./schema";
import { assertImpartialChair } from "./set-up-hearing";

/**
 * Brings the hearing's slots in line with the candidatures (a late formal candidature, a
 * withdrawal). The chair's impartiality is checked again against the new presenters (¶8),
 * and a changed list clears the running order, which must then be drawn again.
 */
export async function refreshPresenters({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  parseInput(noInputSchema, input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const hearing = await requireHearing(tx, conference.id);
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
