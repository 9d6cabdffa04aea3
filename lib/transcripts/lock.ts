import "server-only";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * Every transcript change begins here, inside its transaction: the conference taken FOR
 * UPDATE (a closed conference is read-only, and two officers' changes are applied one after
 * the other, so a version check cannot race), the hearing of that conference, never a
 * rehearsal's (docs/decisions/018-rehearsal-hearings.md), and ended: a transcript is made
 * after the hearing (docs/decisions/041-transcript.md).
 */
export async function lockEndedHearing(tx: Tx, conferenceId: string, hearingId: string) {
  await lockConferenceForChange(tx, conferenceId);
  const hearing = await tx.hearing.findUnique({ where: { id: hearingId }, select: { id: true, conferenceId: true, rehearsal: true, status: true } });
  if (!hearing || hearing.conferenceId !== conferenceId || hearing.rehearsal) throw new DomainError("NOT_FOUND");
  if (hearing.status !== "ENDED") throw new DomainError("CONFLICT", { messageKey: "adminTranscript.notEnded" });
  return hearing;
}

/** The transcript of that hearing and language, or NOT_FOUND. */
export async function findTranscript(tx: Tx, hearingId: string, language: string) {
  const transcript = await tx.transcript.findUnique({
    where: { hearingId_language: { hearingId, language } },
    select: { id: true, version: true, officialAt: true },
  });
  if (!transcript) throw new DomainError("NOT_FOUND");
  return transcript;
}

/** A version named by a form that is not the stored one: someone changed it since the page was shown. */
export function assertVersion(expected: number | null, stored: number) {
  if (expected !== stored) throw new DomainError("CONFLICT", { messageKey: "adminTranscript.stale" });
}
