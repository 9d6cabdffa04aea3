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

/**
 * Refuses a change to the records of a closed conference (docs/decisions/012: read-only
 * everywhere), for the services that change one candidature's records, not the conference.
 * FOR SHARE: candidates changing their own records at once do not queue behind each other,
 * while closing (FOR UPDATE) waits for them, and they for it. Called before the record is
 * locked, so every change takes the conference first, as the console's do.
 */
export async function assertConferenceOpen(tx: Tx, conferenceId: string): Promise<void> {
  const [row] = await tx.$queryRaw<{ closedAt: Date | null }[]>`SELECT "closedAt" FROM "Conference" WHERE id = ${conferenceId} FOR SHARE`;
  if (!row) throw new DomainError("NOT_FOUND");
  if (row.closedAt) throw new DomainError("CONFLICT", { messageKey: CONFERENCE_REFUSALS.closed });
}

/** assertConferenceOpen for the conference of a candidature (a candidature never changes conference). */
export async function assertCandidatureOpen(tx: Tx, candidateId: string): Promise<void> {
  const candidate = await tx.candidate.findUnique({ where: { id: candidateId }, select: { conferenceId: true } });
  if (!candidate) throw new DomainError("NOT_FOUND");
  await assertConferenceOpen(tx, candidate.conferenceId);
}
