import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation/parse";
import { assertCostsEditable, costHearingOf } from "./editable-hearing";
import { addCostItemSchema } from "./schema";

const ITEM_FIELDS = { id: true, hearingId: true, category: true, description: true, amountMinor: true, currency: true } as const;

/** ¶6: the secretariat enters what the hearing cost (interpretation, room, other), in an ISO 4217 currency's minor units, until the record is closed. */
export async function addCostItem({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:cost:any");
  const data = parseInput(addCostItemSchema, input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const hearing = await costHearingOf(tx, conference.id);
    await assertCostsEditable(tx, hearing.id);
    const after = await tx.costItem.create({
      data: {
        hearingId: hearing.id,
        category: data.category,
        description: data.description,
        amountMinor: data.amount,
        currency: data.currency,
        createdById: actor.id,
      },
      select: ITEM_FIELDS,
    });
    await emitAudit(tx, { actor, area: "cost", action: "created", entity: "CostItem", entityId: after.id, after });
    return after;
  });
}
