import "server-only";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { CONFERENCE_REFUSALS } from "./fields";

/**
 * Two conferences never sit at once: the Plenipotentiary meets every four years, so
 * overlapping dates are a typing mistake. Days are inclusive at both ends.
 */
export async function assertNoOverlap(tx: Tx, dates: { opensOn: string; closesOn: string }, exceptId?: string) {
  const clash = await tx.conference.findFirst({
    where: {
      opensOn: { lte: new Date(dates.closesOn) },
      closesOn: { gte: new Date(dates.opensOn) },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { name: true },
  });
  if (clash) {
    throw new DomainError("CONFLICT", {
      messageKey: CONFERENCE_REFUSALS.datesOverlap,
      values: { name: clash.name },
      fieldErrors: { opensOn: "conferences.datesOverlapField" },
    });
  }
}
