import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { assertConfirmed } from "@/lib/validation/confirmation";
import { parseInput } from "@/lib/validation/parse";
import { assertVersion, findTranscript, lockEndedHearing } from "./lock";
import { withdrawOfficialSchema } from "./schema";

/**
 * The official mark withdrawn, so that an error found later can be corrected: with a reason,
 * confirmed, logged, and shown on the public page beside "not an official record" until the
 * transcript is marked official again (docs/decisions/041-transcript.md).
 */
export async function withdrawTranscriptOfficial({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const { hearingId, language, expectedVersion, reason } = parseInput(withdrawOfficialSchema, input);
  assertConfirmed(input);
  return db().$transaction(async (tx) => {
    await lockEndedHearing(tx, conferenceId, hearingId);
    const transcript = await findTranscript(tx, hearingId, language);
    if (!transcript.officialAt) throw new DomainError("CONFLICT", { messageKey: "adminTranscript.notOfficial" });
    assertVersion(expectedVersion, transcript.version);
    const withdrawn = await tx.transcript.update({
      where: { id: transcript.id },
      data: { officialAt: null, withdrawnAt: new Date(), withdrawnReason: reason, version: { increment: 1 } },
      select: { id: true, version: true, withdrawnAt: true },
    });
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "transcript-official-withdrawn",
      entity: "Transcript",
      entityId: transcript.id,
      before: { version: transcript.version, officialAt: transcript.officialAt },
      after: { hearingId, language, version: withdrawn.version, withdrawnAt: withdrawn.withdrawnAt, reason },
    });
    return { transcriptId: withdrawn.id, version: withdrawn.version };
  });
}
