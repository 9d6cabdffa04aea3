import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { assertConfirmed } from "@/lib/validation/confirmation";
import { parseInput } from "@/lib/validation/parse";
import { assertVersion, lockEndedHearing } from "./lock";
import { buildTranscriptSchema } from "./schema";
import { buildSegments } from "./segments";

/**
 * The secretariat builds a hearing's transcript in one language from its caption cues,
 * cut by the record's own times into each candidate's presentation and each question
 * (lib/transcripts/segments.ts). A rebuild replaces every segment, edits included: it must
 * name the version it replaces and be confirmed (the dialog says how many segments were
 * edited), and an official transcript is never rebuilt (docs/decisions/041-transcript.md).
 */
export async function buildTranscript({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const { hearingId, language, expectedVersion } = parseInput(buildTranscriptSchema, input);
  return db().$transaction(async (tx) => {
    await lockEndedHearing(tx, conferenceId, hearingId);
    const existing = await tx.transcript.findUnique({
      where: { hearingId_language: { hearingId, language } },
      select: { id: true, version: true, officialAt: true, segments: { select: { text: true, builtText: true } } },
    });
    if (existing) {
      if (existing.officialAt) throw new DomainError("CONFLICT", { messageKey: "adminTranscript.officialNoRebuild" });
      assertVersion(expectedVersion, existing.version);
      assertConfirmed(input);
    }
    const cues = await tx.captionCue.findMany({ where: { hearingId, language }, orderBy: { seq: "asc" }, select: { startAt: true, endAt: true, text: true } });
    if (cues.length === 0) throw new DomainError("CONFLICT", { messageKey: "adminTranscript.noCaptions" });
    const [slots, questions] = await Promise.all([
      tx.hearingSlot.findMany({ where: { hearingId }, select: { candidateId: true, presentationStartedAt: true, qaStartedAt: true, finishedAt: true } }),
      // The questions put to the candidates: drawn, then shown (¶6, ¶7).
      tx.hearingQuestion.findMany({
        where: { hearingId, drawId: { not: null }, shownAt: { not: null } },
        select: { id: true, candidateId: true, shownAt: true },
      }),
    ]);
    const { segments, unassigned } = buildSegments({ slots, questions, cues });
    if (segments.length === 0) throw new DomainError("CONFLICT", { messageKey: "adminTranscript.noSegments" });

    const builtAt = new Date();
    const fields = { builtAt, cueCount: cues.length, unassignedCount: unassigned };
    const transcript = existing
      ? await tx.transcript.update({ where: { id: existing.id }, data: { ...fields, version: { increment: 1 } }, select: { id: true, version: true } })
      : await tx.transcript.create({ data: { hearingId, language, ...fields }, select: { id: true, version: true } });
    if (existing) await tx.transcriptSegment.deleteMany({ where: { transcriptId: transcript.id } });
    await tx.transcriptSegment.createMany({
      data: segments.map((s, position) => ({ transcriptId: transcript.id, position, ...s, builtText: s.text })),
    });
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: existing ? "transcript-rebuilt" : "transcript-built",
      entity: "Transcript",
      entityId: transcript.id,
      before: existing ? { version: existing.version, editedSegments: existing.segments.filter((s) => s.text !== s.builtText).length } : undefined,
      after: { hearingId, language, version: transcript.version, segments: segments.length, cues: cues.length, unassignedCues: unassigned },
    });
    return { transcriptId: transcript.id, version: transcript.version, segments: segments.length, unassigned };
  });
}
