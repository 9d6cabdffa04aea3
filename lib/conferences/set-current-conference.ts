import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation/parse";
import { lockConferenceForChange } from "./lock";
import { conferenceRefSchema } from "./schema";

/**
 * Chooses what the unprefixed public URLs show; it changes nothing else (docs/decisions/012).
 * A closed conference cannot be chosen: the lock refuses it.
 */
export async function setCurrentConference({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "manage:conference:any");
  const { conferenceId } = parseInput(conferenceRefSchema, input);
  return db().$transaction(async (tx) => {
    // Two officers choosing different conferences at once would each clear the old current
    // row and then collide on the one-current index: the choice is taken one at a time.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('hustings:current-conference'))`;
    const chosen = await lockConferenceForChange(tx, conferenceId);
    const previous = await tx.conference.findFirst({ where: { isCurrent: true }, select: { id: true, slug: true } });
    if (previous?.id === chosen.id) return chosen;
    // Cleared first: the partial unique index allows one current row at any moment.
    await tx.conference.updateMany({ where: { isCurrent: true }, data: { isCurrent: false } });
    const after = await tx.conference.update({ where: { id: chosen.id }, data: { isCurrent: true }, select: { id: true, slug: true, isCurrent: true } });
    await emitAudit(tx, {
      actor,
      area: "conference",
      action: "made-current",
      entity: "Conference",
      entityId: chosen.id,
      before: { isCurrent: false, previousCurrent: previous?.slug ?? null },
      after,
    });
    return { ...chosen, isCurrent: true };
  });
}
