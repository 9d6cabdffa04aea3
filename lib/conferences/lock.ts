import "server-only";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { CONFERENCE_FIELDS, CONFERENCE_REFUSALS } from "./fields";

/**
 * The conference a change was given, read inside the change (docs/decisions/012). FOR
 * UPDATE: two officers saving at once are applied one after the other. A closed conference
 * is read-only everywhere, so every mutation that names one is refused here.
 */
export async function lockConferenceForChange(tx: Tx, conferenceId: string) {
  await tx.$executeRaw`SELECT 1 FROM "Conference" WHERE id = ${conferenceId} FOR UPDATE`;
  const conference = await tx.conference.findUnique({ where: { id: conferenceId }, select: CONFERENCE_FIELDS });
  if (!conference) throw new DomainError("NOT_FOUND");
  if (conference.closedAt) throw new DomainError("CONFLICT", { messageKey: CONFERENCE_REFUSALS.closed });
  return conference;
}

export type LockedConference = Awaited<ReturnType<typeof lockConferenceForChange>>;
