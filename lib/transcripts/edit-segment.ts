import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { lockEndedHearing } from "./lock";
import { editSegmentSchema } from "./schema";

/**
 * The secretariat corrects one segment's text. The form names the segment's version it was
 * shown: a change made since by someone else refuses this one rather than overwrite it
 * (each segment has its own version, so two officers on different segments do not collide).
 * An official transcript is not edited: its mark is withdrawn first, with a reason
 * (docs/decisions/041-transcript.md). The audit row keeps the text before and after.
 */
export async function editTranscriptSegment({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const { hearingId, segmentId, expectedVersion, text } = parseInput(editSegmentSchema, input);
  return db().$transaction(async (tx) => {
    await lockEndedHearing(tx, conferenceId, hearingId);
    const segment = await tx.transcriptSegment.findUnique({
      where: { id: segmentId },
      select: { id: true, version: true, text: true, builtText: true, transcript: { select: { id: true, hearingId: true, officialAt: true } } },
    });
    if (!segment || segment.transcript.hearingId !== hearingId) throw new DomainError("NOT_FOUND");
    if (segment.transcript.officialAt) throw new DomainError("CONFLICT", { messageKey: "adminTranscript.officialNoEdit" });
    if (segment.version !== expectedVersion) throw new DomainError("CONFLICT", { messageKey: "adminTranscript.segmentStale" });
    if (segment.text === text) return { segmentId: segment.id, version: segment.version, changed: false };
    const updated = await tx.transcriptSegment.update({
      where: { id: segment.id },
      data: { text, version: { increment: 1 }, editedAt: text === segment.builtText ? null : new Date() },
      select: { id: true, version: true },
    });
    await tx.transcript.update({ where: { id: segment.transcript.id }, data: { version: { increment: 1 } } });
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "transcript-segment-edited",
      entity: "TranscriptSegment",
      entityId: segment.id,
      before: { version: segment.version, text: segment.text },
      after: { version: updated.version, text },
    });
    return { segmentId: updated.id, version: updated.version, changed: true };
  });
}
