import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { hearingStage, stageAllows, STAGE_FIELDS } from "@/lib/hearings/stage";
import { costBasis, costShares, projectedStates, snapshotStates } from "./shares";

const STATE_FIELDS = { id: true, iso3: true, iso2: true, nameEn: true } as const;

/**
 * A conference's hearing, its cost items, and each sharing state's share per currency: over
 * the snapshot taken at the start once started, else a projection over the current presenters.
 */
export async function getCostsForAdmin(actor: Actor | null, conferenceId: string) {
  assertCan(actor, "manage:cost:any");
  const hearing = await db().hearing.findFirst({
    // The real hearing: a rehearsal has no costs (docs/decisions/018-rehearsal-hearings.md).
    where: { conferenceId, rehearsal: false },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      ...STAGE_FIELDS,
      costStateIds: true,
      costItems: {
        select: { id: true, category: true, description: true, amountMinor: true, currency: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      slots: { select: { candidate: { select: { status: true, memberState: { select: STATE_FIELDS } } } } },
    },
  });
  if (!hearing) return null;
  const basis = costBasis(hearing);
  const states =
    basis === "SNAPSHOT"
      ? snapshotStates(hearing.costStateIds, await db().memberState.findMany({ where: { id: { in: hearing.costStateIds } }, select: STATE_FIELDS }))
      : projectedStates(hearing.slots.map((s) => s.candidate));
  return {
    hearingId: hearing.id,
    basis,
    /** False once the record is closed: nothing is added or removed any more. */
    editable: stageAllows(hearingStage(hearing), "editCosts"),
    items: hearing.costItems,
    shares: costShares(hearing.costItems, states),
  };
}
