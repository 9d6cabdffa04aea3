import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { getChairHearing } from "@/lib/hearings/chair-console";
import { approveQuestion, endHearing, nextCandidate, startHearing, startPresentation, startQa } from "@/lib/hearings/live";
import { readWebcastView, webcastAccess } from "@/lib/hearings/webcast";
import { withAppDatabase } from "../support/app-database";
import { asActor, makeUser } from "../support/factories";
import { makeChair, makeHearingConference } from "../support/factories-hearing";
import { makeHearingQuestion, makeReadyHearing } from "../support/factories-live";
import { actorOf, expectOnlyRoleAllowed, refusalOf } from "../support/roles";
import { onCurrent } from "../support/chair-moves";

// The live hearing: what the chair's console and the webcast page read — the chair's own hearing
// with the moves the rules allow now, and who may watch a members-only stream.

const database = withAppDatabase();
let db: PrismaClient;
let conferenceId: string;

beforeAll(async () => {
  db = createDb(database.url());
  conferenceId = (await makeHearingConference(db)).id;
});

describe("getChairHearing", () => {
  it("gives the chair their hearing with the moves allowed now, and follows the hearing as it runs", async () => {
    const { hearingId, chair, candidates } = await makeReadyHearing(db, { questionsPerCandidate: 2 });
    const actor = asActor(chair);
    const before = await getChairHearing(actor);
    expect(before).toMatchObject({ id: hearingId, status: "SCHEDULED", current: null, legalMoves: ["start"], questionsPerCandidate: 2, seedCommitted: true });

    await startHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    await startPresentation({ actor, input: await onCurrent({ hearingId }) });
    const running = await getChairHearing(actor, hearingId);
    expect(running).toMatchObject({
      status: "LIVE",
      phase: "PRESENTATION",
      paused: false,
      current: { candidateId: candidates[0]?.id, position: 1 },
      legalMoves: ["pause", "startQa", "end"],
      questions: { drawn: false, toShow: 0, onScreen: false },
    });
  });

  it("gives the running order with its progress, the version to make moves on, and who has not spoken for the end's confirmation", async () => {
    const { hearingId, chair, candidates } = await makeReadyHearing(db, { candidates: 3 });
    const actor = asActor(chair);
    const before = await getChairHearing(actor, hearingId);
    expect(before?.version).toBe(0);
    expect(before?.order.map((o) => [o.position, o.name, o.turn])).toEqual(candidates.map((c, i) => [i + 1, c.name, "waiting"]));
    expect(before?.progress).toEqual({ done: 0, total: 3, notSpoken: 3 });

    await startHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    await startPresentation({ actor, input: await onCurrent({ hearingId }) });
    await startQa({ actor, input: await onCurrent({ hearingId }) });
    await nextCandidate({ actor, input: await onCurrent({ hearingId }) });
    const second = await getChairHearing(actor, hearingId);
    expect(second?.version).toBe(4);
    expect(second?.order.map((o) => o.turn)).toEqual(["done", "current", "waiting"]);
    // The second has been called but has not begun to present: ending now leaves two unheard.
    expect(second?.progress).toEqual({ done: 1, total: 3, notSpoken: 2 });
    await startPresentation({ actor, input: await onCurrent({ hearingId }) });
    expect((await getChairHearing(actor, hearingId))?.progress).toEqual({ done: 1, total: 3, notSpoken: 1 });

    await endHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    const ended = await getChairHearing(actor, hearingId);
    expect(ended?.order.map((o) => o.turn)).toEqual(["done", "done", "waiting"]);
    expect(ended?.progress).toEqual({ done: 2, total: 3, notSpoken: 1 });
  });

  it("shows nobody else's hearing, even by its id, and refuses every role but the chair", async () => {
    const { hearingId } = await makeReadyHearing(db);
    const other = await makeReadyHearing(db);
    expect(await getChairHearing(asActor(other.chair), hearingId)).toBeNull();
    await expectOnlyRoleAllowed("CHAIR", (actor) => getChairHearing(actor, hearingId));
    expect((await refusalOf(getChairHearing(actorOf("SECRETARIAT"), hearingId))).code).toBe("FORBIDDEN");
  });
});

describe("which hearing the chair's console shows (docs/decisions/012)", () => {
  it("shows the running hearing first, else the next scheduled one of a conference not closed, else none", async () => {
    const chair = await makeChair(db);
    const actor = asActor(chair);
    const chaired = async (confId: string, startsAt: string, status: "SCHEDULED" | "LIVE" | "ENDED") => {
      const { hearingId } = await makeReadyHearing(db, { conferenceId: confId });
      await db.hearing.update({ where: { id: hearingId }, data: { chairId: chair.id, startsAt: new Date(startsAt), status } });
      return hearingId;
    };
    const ended = await chaired(conferenceId, "2030-10-20T06:00:00Z", "ENDED");
    expect(await getChairHearing(actor)).toBeNull();
    // Asked for by id, an ended hearing of theirs is still shown.
    expect((await getChairHearing(actor, ended))?.status).toBe("ENDED");

    const closed = await makeHearingConference(db);
    await chaired(closed.id, "2030-10-21T06:00:00Z", "SCHEDULED");
    await db.conference.update({ where: { id: closed.id }, data: { closedAt: new Date() } });
    expect(await getChairHearing(actor)).toBeNull();

    await chaired(conferenceId, "2030-10-27T06:00:00Z", "SCHEDULED");
    const sooner = await chaired((await makeHearingConference(db)).id, "2030-10-25T06:00:00Z", "SCHEDULED");
    expect((await getChairHearing(actor))?.id).toBe(sooner);

    const live = await chaired((await makeHearingConference(db)).id, "2030-10-29T06:00:00Z", "LIVE");
    expect((await getChairHearing(actor))?.id).toBe(live);
  });
});

describe("the chair's moves and the hearing's own conference", () => {
  it("refuses every move once the hearing's conference is closed, changing nothing", async () => {
    const closing = await makeHearingConference(db);
    const { hearingId, chair, candidates } = await makeReadyHearing(db, { conferenceId: closing.id });
    const question = await makeHearingQuestion(db, { hearingId, candidateId: candidates[0]?.id ?? "" });
    await db.conference.update({ where: { id: closing.id }, data: { closedAt: new Date() } });
    const closedRefusal = { code: "CONFLICT", messageKey: "conferences.CONFERENCE_CLOSED" };
    expect(await refusalOf(startHearing({ actor: asActor(chair), input: await onCurrent({ hearingId, confirmed: "yes" }) }))).toMatchObject(closedRefusal);
    expect(await refusalOf(approveQuestion({ actor: asActor(chair), input: await onCurrent({ hearingId, questionId: question.id }) }))).toMatchObject(
      closedRefusal,
    );
    expect(await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { status: true } })).toEqual({ status: "SCHEDULED" });
    expect(await db.hearingQuestion.findUniqueOrThrow({ where: { id: question.id }, select: { status: true } })).toEqual({ status: "PENDING" });
    // Somebody else is still refused as before, revealing nothing about the conference.
    const stranger = await makeChair(db);
    expect((await refusalOf(startHearing({ actor: asActor(stranger), input: await onCurrent({ hearingId, confirmed: "yes" }) }))).code).toBe("FORBIDDEN");
  });
});

describe("webcastAccess", () => {
  it("gives a members-only stream to members and the chair, a sign-in to the anonymous, a refusal to a disabled account", async () => {
    const { hearingId } = await makeReadyHearing(db);
    const source = "https://stream.example.test/hearing/live.m3u8";
    await db.hearing.update({ where: { id: hearingId }, data: { webcastKind: "URL", webcastSource: source, webcastAccess: "MEMBERS" } });
    const view = await readWebcastView(hearingId);
    if (!view) throw new Error("no view");
    const play = { kind: "play", playback: { kind: "src", src: source, external: true, stream: "hls" } };
    expect(webcastAccess(view, null)).toEqual({ kind: "signInNeeded" });
    expect(webcastAccess(view, asActor(await makeUser(db, "MEMBER")))).toEqual(play);
    expect(webcastAccess(view, actorOf("CHAIR"))).toEqual(play);
    // Every role may watch (lib/auth/permissions.ts); a disabled account may not.
    expect(webcastAccess(view, actorOf("CANDIDATE"))).toEqual(play);
    expect(webcastAccess(view, actorOf("MEMBER", { disabled: true }))).toEqual({ kind: "notAllowed" });
    expect(webcastAccess({ ...view, webcastAccess: "PUBLIC" }, null)).toEqual(play);
    expect(webcastAccess({ ...view, webcastKind: "MUX_PLAYBACK_ID", webcastSource: "abc123", webcastAccess: "PUBLIC" }, null)).toEqual({
      kind: "play",
      playback: { kind: "mux", playbackId: "abc123" },
    });
    expect(webcastAccess({ ...view, webcastKind: "NONE", webcastSource: null }, null)).toEqual({ kind: "none" });
    // After the hearing the recording is replayed, under the same access rule.
    const recording = "https://video.example.test/hearing-recording.mp4";
    const ended = { ...view, status: "ENDED" as const, recordingUrl: recording };
    expect(webcastAccess(ended, null)).toEqual({ kind: "signInNeeded" });
    expect(webcastAccess({ ...ended, webcastAccess: "PUBLIC", webcastKind: "NONE", webcastSource: null }, null)).toEqual({
      kind: "play",
      playback: { kind: "src", src: recording, external: true, stream: "progressive" },
    });
    // While the hearing runs, the recording is not what plays.
    expect(webcastAccess({ ...ended, status: "LIVE", webcastAccess: "PUBLIC" }, null)).toEqual(play);
  });

  it("lists the running order with equal planned slots in the conference's time", async () => {
    const { hearingId, candidates } = await makeReadyHearing(db, { presentationMinutes: 10, qaMinutes: 5 });
    const view = await readWebcastView(hearingId);
    expect(view?.slots.map((s) => [s.candidateId, s.position, s.plannedStart])).toEqual([
      [candidates[0]?.id, 1, "2030-10-27T05:30:00.000Z"],
      [candidates[1]?.id, 2, "2030-10-27T05:45:00.000Z"],
    ]);
    expect(await readWebcastView("no-such-hearing")).toBeNull();
  });
});
