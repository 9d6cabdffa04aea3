import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as jsonRoute } from "@/app/api/hearings/[id]/transcript.json/route";
import { GET as textRoute } from "@/app/api/hearings/[id]/transcript.txt/route";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { getTranscriptForEditing, getTranscriptsForAdmin } from "@/lib/transcripts/admin-queries";
import { buildTranscript } from "@/lib/transcripts/build-transcript";
import { editTranscriptSegment } from "@/lib/transcripts/edit-segment";
import { markTranscriptOfficial } from "@/lib/transcripts/mark-official";
import { readPublicTranscript, readTranscriptLanguages } from "@/lib/transcripts/queries";
import { withdrawTranscriptOfficial } from "@/lib/transcripts/withdraw-official";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeUser, type TestUser } from "../support/factories";
import { makeHearingWithDraws } from "../support/factories-after";
import { makeHearingConference } from "../support/factories-hearing";
import { expectOnlyRoleAllowed, refusalOf } from "../support/roles";

// Outside Next there is no cache to read through, and no next-intl server.
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), unstable_cache: <T>(read: T) => read }));
vi.mock("next-intl/server", () => import("../support/translations"));

const database = withAppDatabase();
let db: PrismaClient;
let conferenceId: string;
let secretariat: TestUser;

beforeAll(async () => {
  db = createDb(database.url());
  conferenceId = (await makeHearingConference(db)).id;
  secretariat = await makeUser(db, "SECRETARIAT");
});

/**
 * An ended hearing with two candidates, each asked three drawn questions (shown in turn in
 * the Q&A), and floor captions: one line per presentation and per question, and one in the
 * break between the candidates.
 */
async function endedHearingWithCaptions(options: { status?: "LIVE" | "ENDED"; conference?: string } = {}) {
  const made = await makeHearingWithDraws(db, { conferenceId: options.conference ?? conferenceId, status: options.status ?? "ENDED" });
  const cues: { startAt: Date; endAt: Date; text: string }[] = [];
  for (const slot of made.slots) {
    const start = (slot.presentationStartedAt as Date).getTime();
    const qa = (slot.qaStartedAt as Date).getTime();
    cues.push({ startAt: new Date(start + 5_000), endAt: new Date(start + 9_000), text: `Presentation of ${slot.candidateId} on spectrum.` });
    const drawn = await db.hearingQuestion.findMany({ where: { candidateId: slot.candidateId, drawId: { not: null } }, orderBy: { drawPosition: "asc" } });
    for (const [n, q] of drawn.entries()) {
      const shownAt = new Date(qa + n * 240_000 + 5_000);
      await db.hearingQuestion.update({ where: { id: q.id }, data: { shownAt } });
      cues.push({ startAt: new Date(shownAt.getTime() + 2_000), endAt: new Date(shownAt.getTime() + 6_000), text: `Answer to ${q.id}.` });
    }
    cues.push({
      startAt: new Date((slot.finishedAt as Date).getTime() + 5_000),
      endAt: new Date((slot.finishedAt as Date).getTime() + 8_000),
      text: "Short break.",
    });
  }
  await db.captionCue.createMany({ data: cues.map((c, seq) => ({ hearingId: made.hearingId, language: "floor", seq, ...c })) });
  return made;
}

const as = () => asActor(secretariat);
const build = (hearingId: string, extra: Record<string, string> = {}) =>
  buildTranscript({ actor: as(), conferenceId, input: { hearingId, language: "floor", ...extra } });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("building a transcript from the captions", () => {
  it("cuts the floor captions into each presentation and each question, audited", async () => {
    const { hearingId, slots } = await endedHearingWithCaptions();
    const built = await build(hearingId);
    expect(built).toMatchObject({ version: 1, segments: 8, unassigned: 2 });
    const transcript = await readPublicTranscript(hearingId, "floor");
    expect(transcript?.officialAt).toBeNull();
    expect(transcript?.segments.map((s) => s.kind)).toEqual([
      "PRESENTATION",
      "QUESTION",
      "QUESTION",
      "QUESTION",
      "PRESENTATION",
      "QUESTION",
      "QUESTION",
      "QUESTION",
    ]);
    const first = transcript?.segments[0];
    expect(first).toMatchObject({ anchor: `candidate-${slots[0]?.candidateId}`, text: `Presentation of ${slots[0]?.candidateId} on spectrum.`, edited: false });
    const question = transcript?.segments[1];
    expect(question?.anchor).toBe(`question-${question?.questionId}`);
    expect(question?.text).toBe(`Answer to ${question?.questionId}.`);
    expect(question?.questionBody).toMatch(/Question on spectrum/);
    // The breaks after each candidate are in no segment.
    expect(JSON.stringify(transcript)).not.toContain("Short break");
    expect(await auditRowsFor(db, "Transcript", built.transcriptId)).toMatchObject([
      {
        action: "transcript-built",
        area: "hearing",
        actorId: secretariat.id,
        after: { hearingId, language: "floor", version: 1, segments: 8, cues: 10, unassignedCues: 2 },
      },
    ]);
  });

  it("is for the secretariat only: not a candidate, the chair, the public or a disabled officer", async () => {
    const { hearingId } = await endedHearingWithCaptions();
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => buildTranscript({ actor, conferenceId, input: { hearingId, language: "floor" } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => getTranscriptsForAdmin(actor, { conferenceId, hearingId }));
    expect(await db.transcript.count({ where: { hearingId } })).toBe(0);
  });

  it("waits for the hearing's end, needs captions in that language, and never touches a rehearsal or another conference's hearing", async () => {
    const live = await endedHearingWithCaptions({ status: "LIVE" });
    expect(await refusalOf(build(live.hearingId))).toMatchObject({ code: "CONFLICT", messageKey: "adminTranscript.notEnded" });
    const ended = await endedHearingWithCaptions();
    expect(await refusalOf(build(ended.hearingId, { language: "fr" }))).toMatchObject({ code: "CONFLICT", messageKey: "adminTranscript.noCaptions" });
    expect(await refusalOf(build(ended.hearingId, { language: "klingon" }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { language: "adminTranscript.languageInvalid" },
    });
    const elsewhere = await endedHearingWithCaptions({ conference: (await makeHearingConference(db)).id });
    expect((await refusalOf(build(elsewhere.hearingId))).code).toBe("NOT_FOUND");
    const rehearsal = await endedHearingWithCaptions();
    await db.hearing.update({ where: { id: rehearsal.hearingId }, data: { rehearsal: true } });
    expect((await refusalOf(build(rehearsal.hearingId))).code).toBe("NOT_FOUND");
    expect(await db.transcript.count({ where: { hearingId: { in: [live.hearingId, ended.hearingId, elsewhere.hearingId, rehearsal.hearingId] } } })).toBe(0);
  });

  it("is read-only once the conference is closed, though the hearing's record may be closed", async () => {
    const ownConference = (await makeHearingConference(db)).id;
    const { hearingId } = await endedHearingWithCaptions({ conference: ownConference });
    await db.hearing.update({ where: { id: hearingId }, data: { closedAt: new Date() } });
    const built = await buildTranscript({ actor: as(), conferenceId: ownConference, input: { hearingId, language: "floor" } });
    expect(built.segments).toBe(8);
    await db.conference.update({ where: { id: ownConference }, data: { closedAt: new Date() } });
    expect(
      await refusalOf(
        buildTranscript({ actor: as(), conferenceId: ownConference, input: { hearingId, language: "floor", expectedVersion: "1", confirmed: "yes" } }),
      ),
    ).toMatchObject({ code: "CONFLICT", messageKey: "conferences.CONFERENCE_CLOSED" });
    expect(
      await refusalOf(
        markTranscriptOfficial({ actor: as(), conferenceId: ownConference, input: { hearingId, language: "floor", expectedVersion: "1", confirmed: "yes" } }),
      ),
    ).toMatchObject({ messageKey: "conferences.CONFERENCE_CLOSED" });
  });

  it("rebuilds only when confirmed and named by the version shown, losing the corrections it says it loses", async () => {
    const { hearingId } = await endedHearingWithCaptions();
    const first = await build(hearingId);
    const segment = await db.transcriptSegment.findFirstOrThrow({ where: { transcriptId: first.transcriptId, position: 0 } });
    await editTranscriptSegment({ actor: as(), conferenceId, input: { hearingId, segmentId: segment.id, expectedVersion: "1", text: "Corrected." } });
    // Without naming a version, or naming the one before the correction: refused, the correction kept.
    expect(await refusalOf(build(hearingId, { confirmed: "yes" }))).toMatchObject({ code: "CONFLICT", messageKey: "adminTranscript.stale" });
    expect(await refusalOf(build(hearingId, { expectedVersion: "1", confirmed: "yes" }))).toMatchObject({ messageKey: "adminTranscript.stale" });
    expect(await refusalOf(build(hearingId, { expectedVersion: "2" }))).toMatchObject({ code: "INVALID_INPUT", messageKey: "confirm.required" });
    expect((await db.transcriptSegment.findUniqueOrThrow({ where: { id: segment.id } })).text).toBe("Corrected.");

    const rebuilt = await build(hearingId, { expectedVersion: "2", confirmed: "yes" });
    expect(rebuilt.version).toBe(3);
    expect((await readPublicTranscript(hearingId, "floor"))?.segments[0]?.text).toMatch(/^Presentation of /);
    expect((await auditRowsFor(db, "Transcript", first.transcriptId)).at(-1)).toMatchObject({
      action: "transcript-rebuilt",
      before: { version: 2, editedSegments: 1 },
    });
  });
});

describe("correcting a segment", () => {
  it("saves the text with its version, and refuses a second officer's save made on the same version", async () => {
    const { hearingId } = await endedHearingWithCaptions();
    const { transcriptId } = await build(hearingId);
    const [one, two] = await db.transcriptSegment.findMany({ where: { transcriptId }, orderBy: { position: "asc" }, take: 2 });
    if (!one || !two) throw new Error("two segments expected");
    const edit = (segmentId: string, expectedVersion: string, text: string) =>
      editTranscriptSegment({ actor: as(), conferenceId, input: { hearingId, segmentId, expectedVersion, text } });

    expect(await edit(one.id, "1", "First officer's text.\r\n\r\nSecond paragraph.   ")).toMatchObject({ version: 2, changed: true });
    expect(await refusalOf(edit(one.id, "1", "Second officer's text."))).toMatchObject({ code: "CONFLICT", messageKey: "adminTranscript.segmentStale" });
    // Another segment, edited from the same page at the same time, is not refused.
    expect(await edit(two.id, "1", "Another segment.")).toMatchObject({ version: 2, changed: true });
    expect(await edit(two.id, "2", "Another segment.")).toMatchObject({ version: 2, changed: false });

    const stored = await db.transcriptSegment.findUniqueOrThrow({ where: { id: one.id } });
    expect(stored.text).toBe("First officer's text.\n\nSecond paragraph.");
    expect(stored.editedAt).not.toBeNull();
    expect((await db.transcript.findUniqueOrThrow({ where: { id: transcriptId } })).version).toBe(3);
    expect(await auditRowsFor(db, "TranscriptSegment", one.id)).toMatchObject([
      { action: "transcript-segment-edited", actorId: secretariat.id, before: { version: 1, text: one.text }, after: { version: 2, text: stored.text } },
    ]);
    expect((await readPublicTranscript(hearingId, "floor"))?.segments[0]).toMatchObject({ text: stored.text, edited: true });
  });

  it("validates the text and refuses every role but the secretariat", async () => {
    const { hearingId } = await endedHearingWithCaptions();
    const { transcriptId } = await build(hearingId);
    const segment = await db.transcriptSegment.findFirstOrThrow({ where: { transcriptId } });
    const input = (text: string) => ({ hearingId, segmentId: segment.id, expectedVersion: "1", text });
    expect((await refusalOf(editTranscriptSegment({ actor: as(), conferenceId, input: input("bad\u0000text") }))).fieldErrors).toEqual({
      text: "adminTranscript.controlCharacters",
    });
    expect((await refusalOf(editTranscriptSegment({ actor: as(), conferenceId, input: input("x".repeat(100_001)) }))).fieldErrors).toEqual({
      text: "tooLong:100000",
    });
    expect((await refusalOf(editTranscriptSegment({ actor: as(), conferenceId, input: { ...input("x"), segmentId: "no-such-segment" } }))).code).toBe(
      "NOT_FOUND",
    );
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => editTranscriptSegment({ actor, conferenceId, input: input("A candidate's own version.") }));
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => getTranscriptForEditing(actor, { conferenceId, language: "floor" }));
    expect((await db.transcriptSegment.findUniqueOrThrow({ where: { id: segment.id } })).version).toBe(1);
  });
});

describe("the official mark", () => {
  it("is confirmed, names the version read, stops corrections and rebuilds, and is withdrawn only with a public reason", async () => {
    const { hearingId } = await endedHearingWithCaptions();
    const { transcriptId } = await build(hearingId);
    const segment = await db.transcriptSegment.findFirstOrThrow({ where: { transcriptId } });
    const mark = (extra: Record<string, string>) => markTranscriptOfficial({ actor: as(), conferenceId, input: { hearingId, language: "floor", ...extra } });

    expect(await refusalOf(mark({ expectedVersion: "1" }))).toMatchObject({ code: "INVALID_INPUT", messageKey: "confirm.required" });
    await editTranscriptSegment({ actor: as(), conferenceId, input: { hearingId, segmentId: segment.id, expectedVersion: "1", text: "Checked." } });
    // Read at version 1, edited since: the officer did not read what would become official.
    expect(await refusalOf(mark({ expectedVersion: "1", confirmed: "yes" }))).toMatchObject({ code: "CONFLICT", messageKey: "adminTranscript.stale" });
    const marked = await mark({ expectedVersion: "2", confirmed: "yes" });
    expect(marked.version).toBe(3);
    expect(await refusalOf(mark({ expectedVersion: "3", confirmed: "yes" }))).toMatchObject({ messageKey: "adminTranscript.alreadyOfficial" });

    expect(
      await refusalOf(editTranscriptSegment({ actor: as(), conferenceId, input: { hearingId, segmentId: segment.id, expectedVersion: "2", text: "Later." } })),
    ).toMatchObject({
      code: "CONFLICT",
      messageKey: "adminTranscript.officialNoEdit",
    });
    expect(await refusalOf(build(hearingId, { expectedVersion: "3", confirmed: "yes" }))).toMatchObject({ messageKey: "adminTranscript.officialNoRebuild" });
    expect((await readPublicTranscript(hearingId, "floor"))?.officialAt).toBe(marked.officialAt.toISOString());

    const withdraw = (extra: Record<string, string>) =>
      withdrawTranscriptOfficial({ actor: as(), conferenceId, input: { hearingId, language: "floor", expectedVersion: "3", ...extra } });
    expect((await refusalOf(withdraw({ reason: "short", confirmed: "yes" }))).fieldErrors).toEqual({ reason: "tooShort:10" });
    expect(await refusalOf(withdraw({ reason: "A name was misheard in the second answer." }))).toMatchObject({ messageKey: "confirm.required" });
    await withdraw({ reason: "A name was misheard in the second answer.", confirmed: "yes" });
    const reopened = await readPublicTranscript(hearingId, "floor");
    expect(reopened).toMatchObject({ officialAt: null, withdrawnReason: "A name was misheard in the second answer.", version: 4 });
    await editTranscriptSegment({ actor: as(), conferenceId, input: { hearingId, segmentId: segment.id, expectedVersion: "2", text: "Corrected name." } });
    expect((await auditRowsFor(db, "Transcript", transcriptId)).map((r) => r.action)).toEqual([
      "transcript-built",
      "transcript-marked-official",
      "transcript-official-withdrawn",
    ]);
  });

  it("refuses every role but the secretariat, both ways", async () => {
    const { hearingId } = await endedHearingWithCaptions();
    await build(hearingId);
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) =>
      markTranscriptOfficial({ actor, conferenceId, input: { hearingId, language: "floor", expectedVersion: "1", confirmed: "yes" } }),
    );
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) =>
      withdrawTranscriptOfficial({
        actor,
        conferenceId,
        input: { hearingId, language: "floor", expectedVersion: "1", reason: "Because I can, apparently.", confirmed: "yes" },
      }),
    );
    expect((await readPublicTranscript(hearingId, "floor"))?.officialAt).toBeNull();
  });
});

describe("the public transcript and its downloads", () => {
  it("are served once the hearing has ended, as JSON and plain text, never for a rehearsal", async () => {
    const { hearingId } = await endedHearingWithCaptions();
    await build(hearingId);
    expect(await readTranscriptLanguages(hearingId)).toEqual(["floor"]);

    const json = await jsonRoute(new Request(`http://localhost/api/hearings/${hearingId}/transcript.json?lang=floor`), params(hearingId));
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(json.headers.get("cache-control")).toBe("public, max-age=60");
    expect(json.headers.get("x-content-type-options")).toBe("nosniff");
    expect(json.headers.get("content-disposition")).toBe(`attachment; filename="transcript-${hearingId}-floor.json"`);
    const file = (await json.json()) as { official: boolean; segments: { anchor: string }[] };
    expect(file.official).toBe(false);
    expect(file.segments).toHaveLength(8);

    const text = await textRoute(new Request(`http://localhost/api/hearings/${hearingId}/transcript.txt?lang=floor&locale=fr`), params(hearingId));
    expect(text.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const body = await text.text();
    expect(body).toContain("DOCUMENT NON OFFICIEL");
    expect(body).toMatch(/Presentation of .* on spectrum\./);

    for (const url of [
      `/api/hearings/${hearingId}/transcript.json?lang=ar`,
      `/api/hearings/${hearingId}/transcript.json?lang=../x`,
      "/api/hearings/no-such/transcript.json",
    ]) {
      const id = url.split("/")[3] ?? "";
      const response = await jsonRoute(new Request(`http://localhost${url}`), params(id));
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
    await db.hearing.update({ where: { id: hearingId }, data: { rehearsal: true } });
    expect(await readTranscriptLanguages(hearingId)).toBeNull();
    expect(await readPublicTranscript(hearingId, "floor")).toBeNull();
  });
});
