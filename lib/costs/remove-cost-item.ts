import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { assertConfirmed } from "@/lib/validation/confirmation";
import { parseInput } from "@/lib/validation/parse";
import { assertCostsEditable } from "./editable-hearing";
import { removeCostItemSchema } from "./schema";

/** Removes an item entered by mistake, until the record is closed; what it said stays in the audit log. */
export async function removeCostItem({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:cost:any");
  const { id } = parseInput(removeCostItemSchema, input);
  assertConfirmed(input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const before = await tx.costItem.findFirst({
      where: { id, hearing: { conferenceId: conference.id, rehearsal: false } },
      select: { id: true, hearingId: true, category: true, description: true, amountMinor: true, currency: true },
    });
    if (!before) throw new DomainError("NOT_FOUND");
    await assertCostsEditable(tx, before.hearingId);
    await tx.costItem.delete({ where: { id: before.id } });
    await emitAudit(tx, { actor, area: "cost", action: "removed", entity: "CostItem", entityId: before.id, before });
    return before;
  });
}
