import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { assertConfirmed } from "@/lib/validation/confirmation";
import { parseInput } from "@/lib/validation/parse";
import { assertVersion, findTranscript, lockEndedHearing } from "./lock";
import { markOfficialSchema } from "./schema";

/**
 * The secretariat marks a transcript official: the public page drops "not an official
 * record". Confirmed, and only for the version the officer read (an edit made since refuses
 * it). From then on the transcript is neither edited nor rebuilt until the mark is withdrawn
 * with a reason (withdraw-official.ts; docs/decisions/041-transcript.md).
 */
export async function markTranscriptOfficial({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const { hearingId, language, expectedVersion } = parseInput(markOfficialSchema, input);
  assertConfirmed(input);
  return db().$transaction(async (tx) => {
    await lockEndedHearing(tx, conferenceId, hearingId);
    const transcript = await findTranscript(tx, hearingId, language);
    if (transcript.officialAt) throw new DomainError("CONFLICT", { messageKey: "adminTranscript.alreadyOfficial" });
    assertVersion(expectedVersion, transcript.version);
    const marked = await tx.transcript.update({
      where: { id: transcript.id },
      data: { officialAt: new Date(), version: { increment: 1 } },
      select: { id: true, version: true, officialAt: true },
    });
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "transcript-marked-official",
      entity: "Transcript",
      entityId: transcript.id,
      before: { version: transcript.version, officialAt: null },
      after: { hearingId, language, version: marked.version, officialAt: marked.officialAt },
    });
    return { transcriptId: marked.id, version: marked.version, officialAt: marked.officialAt as Date };
  });
}
