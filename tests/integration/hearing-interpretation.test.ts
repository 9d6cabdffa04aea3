import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as chaptersRoute } from "@/app/api/hearings/[id]/chapters.vtt/route";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { readHearingReplay } from "@/lib/hearings/after-queries";
import { chaptersVtt, escapeCueText } from "@/lib/hearings/chapters";
import { getInterpretationForAdmin } from "@/lib/hearings/interpretation-admin";
import { setInterpretation } from "@/lib/hearings/set-interpretation";
import { webcastAccess } from "@/lib/hearings/webcast";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeUser, type TestUser } from "../support/factories";
import { makeHearingWithDraws } from "../support/factories-after";
import { makeHearingConference } from "../support/factories-hearing";
import { expectOnlyRoleAllowed, refusalOf } from "../support/roles";

// The hearing's interpretation languages, the replay's per-question chapters and the portal's
// own media (docs/decisions/039-interpretation-and-player.md).

vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), unstable_cache: <T>(read: T) => read }));

const database = withAppDatabase();
let db: PrismaClient;
let conferenceId: string;
let secretariat: TestUser;

beforeAll(async () => {
  db = createDb(database.url());
  conferenceId = (await makeHearingConference(db)).id;
  secretariat = await makeUser(db, "SECRETARIAT");
});

describe("declaring the interpretation languages", () => {
  it("is for the secretariat only, to change and to read", async () => {
    const { hearingId } = await makeHearingWithDraws(db, { conferenceId });
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => setInterpretation({ actor, conferenceId, input: { hearingId, "language-fr": "on" } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => getInterpretationForAdmin(actor, { conferenceId, hearingId }));
    expect((await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).interpretationLanguages).toEqual([]);
    expect((await auditRowsFor(db, "Hearing", hearingId)).filter((r) => r.action === "interpretation-set")).toHaveLength(0);
  });

  it("saves the ticked languages in order, audited in the same change; the same again writes nothing", async () => {
    const { hearingId } = await makeHearingWithDraws(db, { conferenceId, status: "SCHEDULED" });
    const input = { hearingId, conferenceId, "language-zh": "on", "language-ar": "on", "language-en": "on" };
    expect(await setInterpretation({ actor: asActor(secretariat), conferenceId, input })).toEqual({ hearingId, languages: ["ar", "en", "zh"], changed: true });
    expect((await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).interpretationLanguages).toEqual(["ar", "en", "zh"]);
    const rows = (await auditRowsFor(db, "Hearing", hearingId)).filter((r) => r.action === "interpretation-set");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      area: "hearing",
      actorId: secretariat.id,
      before: { interpretationLanguages: [] },
      after: { interpretationLanguages: ["ar", "en", "zh"] },
    });
    expect((await setInterpretation({ actor: asActor(secretariat), conferenceId, input })).changed).toBe(false);
    expect((await auditRowsFor(db, "Hearing", hearingId)).filter((r) => r.action === "interpretation-set")).toHaveLength(1);
    expect(await getInterpretationForAdmin(asActor(secretariat), { conferenceId, hearingId })).toEqual({ languages: ["ar", "en", "zh"], closed: false });
    expect((await readHearingReplay(hearingId))?.interpretationLanguages).toEqual(["ar", "en", "zh"]);
  });

  it("refuses an unknown language, a hearing of another conference and a closed record, changing nothing", async () => {
    const { hearingId } = await makeHearingWithDraws(db, { conferenceId });
    const refuse = (input: Record<string, unknown>, conference = conferenceId) =>
      refusalOf(setInterpretation({ actor: asActor(secretariat), conferenceId: conference, input: { hearingId, ...input } }));
    expect((await refuse({ "language-de": "on" })).fieldErrors).toEqual({ "language-de": "adminInterpretation.languageUnknown" });
    expect((await refuse({ "language-fr": "<b>" })).fieldErrors).toEqual({ "language-fr": "adminInterpretation.languageInvalid" });
    const other = await makeHearingConference(db);
    expect((await refuse({ "language-fr": "on" }, other.id)).code).toBe("NOT_FOUND");
    expect(await getInterpretationForAdmin(asActor(secretariat), { conferenceId: other.id, hearingId })).toBeNull();
    await db.hearing.update({ where: { id: hearingId }, data: { closedAt: new Date() } });
    expect((await refuse({ "language-fr": "on" })).messageKey).toBe("adminHearing.recordClosed");
    expect((await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).interpretationLanguages).toEqual([]);
    expect((await auditRowsFor(db, "Hearing", hearingId)).filter((r) => r.action === "interpretation-set")).toHaveLength(0);
  });
});

describe("the replay's chapters", () => {
  it("place the questions put to each candidate in their chapter, named in the asked language in the player's track", async () => {
    const { hearingId, candidates, slots } = await makeHearingWithDraws(db, { conferenceId, names: ["Ada & <Bob>", "Bea & <Chen>"] });
    const [first] = candidates;
    const [slot] = slots;
    if (!first || !slot?.presentationStartedAt || !slot.qaStartedAt || !slot.finishedAt) throw new Error("a candidate who spoke expected");
    const spokeMs = slot.finishedAt.getTime() - slot.presentationStartedAt.getTime();
    await db.hearing.update({
      where: { id: hearingId },
      data: { chaptersVtt: chaptersVtt([{ candidateId: first.id, name: first.name, startMs: 10_000, endMs: 10_000 + spokeMs }]) },
    });
    const drawn = await db.hearingQuestion.findMany({
      where: { hearingId, candidateId: first.id, drawId: { not: null } },
      orderBy: { drawPosition: "asc" },
      take: 2,
    });
    const [q1, q2] = drawn;
    if (!q1 || !q2) throw new Error("two drawn questions expected");
    await db.hearingQuestion.update({ where: { id: q1.id }, data: { shownAt: new Date(slot.qaStartedAt.getTime() + 5_000) } });
    await db.hearingQuestion.update({ where: { id: q2.id }, data: { shownAt: new Date(slot.qaStartedAt.getTime() + 300_000) } });
    const qaMs = slot.qaStartedAt.getTime() - slot.presentationStartedAt.getTime();

    const replay = await readHearingReplay(hearingId);
    expect(replay?.questionChapters).toEqual([
      { candidateId: first.id, questionId: q1.id, number: 1, startMs: 10_000 + qaMs, endMs: 10_000 + qaMs + 300_000 },
      { candidateId: first.id, questionId: q2.id, number: 2, startMs: 10_000 + qaMs + 300_000, endMs: 10_000 + spokeMs },
    ]);
    const response = await chaptersRoute(new Request(`http://localhost/api/hearings/${hearingId}/chapters.vtt?lang=fr`), {
      params: Promise.resolve({ id: hearingId }),
    });
    expect(response.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    const vtt = await response.text();
    expect(vtt).toContain(`${first.id}\n00:00:10.000 --> `);
    expect(vtt).toContain(`question-${q2.id}\n`);
    expect(vtt).toContain(`${escapeCueText(first.name)} : question 2`);
    // An unknown language is English.
    const english = await (
      await chaptersRoute(new Request(`http://localhost/api/hearings/${hearingId}/chapters.vtt?lang=xx`), { params: Promise.resolve({ id: hearingId }) })
    ).text();
    expect(english).toContain(`${escapeCueText(first.name)}: question 1`);
  });
});

describe("a recording the portal serves itself", () => {
  it("plays from this site, with no origin to allow", () => {
    const view = { webcastKind: "URL" as const, webcastSource: "/media/interpretation/master.m3u8", webcastAccess: "PUBLIC" as const };
    expect(webcastAccess(view, null)).toEqual({
      kind: "play",
      playback: { kind: "src", src: "/media/interpretation/master.m3u8", external: false, stream: "hls" },
    });
    expect(webcastAccess({ ...view, status: "ENDED", recordingUrl: "/media/interpretation/master.m3u8", webcastKind: "NONE" }, null)).toMatchObject({
      kind: "play",
      playback: { external: false, stream: "hls" },
    });
    // Members only stays members only.
    expect(webcastAccess({ ...view, webcastAccess: "MEMBERS" }, null)).toEqual({ kind: "signInNeeded" });
  });
});
