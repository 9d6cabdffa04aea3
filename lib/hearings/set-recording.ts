import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { assertAllowedMediaAddress } from "@/lib/materials/media-address";
import { zonedWallTimeToUtc } from "@/lib/time/zones";
import { parseInput } from "@/lib/validation/parse";
import { CHAPTER_FIELD_PREFIX, recordingSchema } from "./after-schema";
import { buildChapters, chaptersVtt, type ChapterProblem } from "./chapters";
import { assertHearingOfConference } from "./hearing-admin";

/** "YYYY-MM-DDTHH:mm[:ss[.sss]]" on the conference's clocks, as an instant. */
function recordingStart(value: string, timeZone: string): Date {
  const [date = "", time = ""] = value.split("T");
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute, seconds = "0"] = time.split(":") as [string, string, string?];
  const wall = zonedWallTimeToUtc({ year, month, day, hour: Number(hour), minute: Number(minute) }, timeZone);
  return new Date(wall.getTime() + Math.round(Number(seconds) * 1000));
}

function fieldErrorsOf(problems: readonly ChapterProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of problems) {
    errors[`${CHAPTER_FIELD_PREFIX}${p.candidateId}`] ??= `hearingPublic.admin.chapter.${p.problem}`;
    if (p.problem === "missingStart") errors.recordingStartedAt ??= "hearingPublic.admin.recordingStartNeeded";
    if (p.problem === "beforeRecording") errors.recordingStartedAt ??= "hearingPublic.admin.recordingStartTooLate";
  }
  return errors;
}

/**
 * After the hearing: the recording's address and one chapter per candidate (WebVTT), placed
 * from the presentations' recorded start times and the instant the recording began, or from
 * the offsets the secretariat typed. A refusal changes nothing already saved.
 */
export async function setRecording({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const data = parseInput(recordingSchema, input);
  return db().$transaction(async (tx) => {
    await lockConferenceForChange(tx, conferenceId);
    await assertHearingOfConference(tx, data.hearingId, conferenceId);
    await tx.$queryRaw`SELECT id FROM "Hearing" WHERE id = ${data.hearingId} FOR UPDATE`;
    const hearing = await tx.hearing.findUnique({
      where: { id: data.hearingId },
      select: {
        id: true,
        status: true,
        closedAt: true,
        recordingUrl: true,
        chaptersVtt: true,
        conference: { select: { timeZone: true } },
        slots: { select: { candidateId: true, position: true, presentationStartedAt: true, finishedAt: true, candidate: { select: { name: true } } } },
      },
    });
    if (!hearing) throw new DomainError("NOT_FOUND");
    if (hearing.closedAt) throw new DomainError("CONFLICT", { messageKey: "adminHearing.recordClosed" });
    if (hearing.status !== "ENDED") throw new DomainError("CONFLICT", { messageKey: "hearingPublic.admin.recordingNotEnded" });
    // A recording only from the allowed origins, unless it is the one already saved (docs/decisions/028-media-origins.md).
    if (data.recordingUrl !== hearing.recordingUrl) assertAllowedMediaAddress(data.recordingUrl, "recordingUrl");
    const presenters = new Set(hearing.slots.map((s) => s.candidateId));
    const stranger = Object.keys(data.offsets).find((candidateId) => !presenters.has(candidateId));
    if (stranger)
      throw new DomainError("INVALID_INPUT", { fieldErrors: { [`${CHAPTER_FIELD_PREFIX}${stranger}`]: "hearingPublic.admin.chapter.notPresenter" } });

    const { chapters, problems } = buildChapters({
      slots: hearing.slots.map((s) => ({ ...s, name: s.candidate.name })),
      recordingStartedAt: data.recordingStartedAt ? recordingStart(data.recordingStartedAt, hearing.conference.timeZone) : null,
      offsets: data.offsets,
    });
    if (problems.length > 0) throw new DomainError("INVALID_INPUT", { fieldErrors: fieldErrorsOf(problems) });

    const after = { recordingUrl: data.recordingUrl, chaptersVtt: chapters.length > 0 ? chaptersVtt(chapters) : null };
    await tx.hearing.update({ where: { id: hearing.id }, data: after, select: { id: true } });
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "recording-set",
      entity: "Hearing",
      entityId: hearing.id,
      before: { recordingUrl: hearing.recordingUrl, chaptersVtt: hearing.chaptersVtt },
      after,
    });
    return { hearingId: hearing.id, chapters: chapters.length };
  });
}
