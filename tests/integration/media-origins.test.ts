import { beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeUser, type TestUser } from "../support/factories";
import { makeHearingWithDraws } from "../support/factories-after";
import { hearingInput, makeChair, makeHearingConference, makeStandingCandidate, makeMemberState } from "../support/factories-hearing";
import { candidateAccounts, makeVideo } from "../support/factories-video";
import { refusalOf } from "../support/roles";

// docs/decisions/028-media-origins.md: an address entered for a video, a webcast or a recording
// must be on one of MEDIA_ORIGINS; one saved before the list changed is kept, and not played.

// This file's own list, read by lib/env.ts on first use (before any service runs).
process.env.MEDIA_ORIGINS = "https://stream.example.org,https://cdn.example.net:8443";
for (const name of ["MUX_TOKEN_ID", "MUX_TOKEN_SECRET", "MUX_WEBHOOK_SECRET"]) delete process.env[name];

// Outside Next there is no cache to read through.
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), unstable_cache: <T>(read: T) => read }));

const { setVideoUrl } = await import("@/lib/materials/video");
const { setUpHearing } = await import("@/lib/hearings/set-up-hearing");
const { setRecording } = await import("@/lib/hearings/set-recording");
const { readWebcastView, webcastAccess } = await import("@/lib/hearings/webcast");
const { getPublicCampaign } = await import("@/lib/materials/materials-queries");
const { publishMaterial } = await import("@/lib/materials/publish-material");

const NOT_ALLOWED = {
  code: "INVALID_INPUT",
  messageKey: "mediaOrigins.notAllowed",
  values: { hosts: "stream.example.org, cdn.example.net:8443" },
};

const database = withAppDatabase();
let db: PrismaClient;
let makeCandidateAccount: ReturnType<typeof candidateAccounts>;
let secretariat: TestUser;
beforeAll(async () => {
  db = createDb(database.url());
  makeCandidateAccount = candidateAccounts(db);
  secretariat = await makeUser(db, "SECRETARIAT");
});

describe("a candidate's external video", () => {
  it("is taken on an allowed origin, and refused on any other with the allowed hosts named, keeping what was saved", async () => {
    const { candidate, user } = await makeCandidateAccount();
    const actor = asActor(user);
    const video = await makeVideo(db, candidate.id, "DRAFT", { videoSource: "URL", url: "https://stream.example.org/kept.m3u8" });
    for (const url of ["https://elsewhere.example/a.m3u8", "https://cdn.example.net/a.mp4", "https://stream.example.org.evil.example/a.mp4"]) {
      expect(await refusalOf(setVideoUrl({ actor, input: { id: video.id, url } })), url).toMatchObject({
        ...NOT_ALLOWED,
        fieldErrors: { url: "mediaOrigins.notAllowedField" },
      });
    }
    expect(await db.material.findUniqueOrThrow({ where: { id: video.id } })).toMatchObject({ videoSource: "URL", url: "https://stream.example.org/kept.m3u8" });
    expect(await auditRowsFor(db, "Material", video.id)).toEqual([]);

    await setVideoUrl({ actor, input: { id: video.id, url: "https://cdn.example.net:8443/v/campaign.mp4" } });
    expect(await db.material.findUniqueOrThrow({ where: { id: video.id } })).toMatchObject({ url: "https://cdn.example.net:8443/v/campaign.mp4" });
  });

  it("saved as a draft before its origin left the list is not published, and the candidate is told to change it first", async () => {
    const { candidate, user } = await makeCandidateAccount();
    const actor = asActor(user);
    const draft = await makeVideo(db, candidate.id, "DRAFT", { videoSource: "URL", url: "https://old.example.org/campaign.m3u8" });
    const declarations = { declaredNoSymbols: "on", declaredNoResources: "on" };
    expect(await refusalOf(publishMaterial({ actor, input: { id: draft.id, ...declarations } }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "mediaOrigins.notAllowedToPublish",
      values: { host: "old.example.org", hosts: "stream.example.org, cdn.example.net:8443" },
    });
    expect(await db.material.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ state: "DRAFT", url: "https://old.example.org/campaign.m3u8" });
    expect(await auditRowsFor(db, "Material", draft.id)).toEqual([]);
    // Once the address is on an allowed host, it is published.
    await setVideoUrl({ actor, input: { id: draft.id, url: "https://stream.example.org/campaign.m3u8" } });
    expect(await publishMaterial({ actor, input: { id: draft.id, ...declarations } })).toMatchObject({ state: "PUBLISHED" });
  });

  it("published before its origin left the list is shown as not played, with its host", async () => {
    const { candidate } = await makeCandidateAccount();
    await makeVideo(db, candidate.id, "PUBLISHED", { videoSource: "URL", url: "https://old.example.org/campaign.m3u8" });
    await makeVideo(db, candidate.id, "PUBLISHED", { videoSource: "URL", url: "https://stream.example.org/campaign.m3u8" });
    const campaign = await getPublicCampaign(candidate.id);
    const videos = (campaign?.materials ?? []).map((m) => m.video);
    expect(videos).toEqual(
      expect.arrayContaining([
        { kind: "refused", host: "old.example.org" },
        { kind: "src", src: "https://stream.example.org/campaign.m3u8", external: true, stream: "hls" },
      ]),
    );
  });
});

describe("the hearing's webcast and recording", () => {
  let conferenceId: string;
  let chairId: string;
  beforeAll(async () => {
    conferenceId = (await makeHearingConference(db)).id;
    const [a, neutral] = [await makeMemberState(db), await makeMemberState(db)];
    await makeStandingCandidate(db, { conferenceId, memberStateId: a.id });
    chairId = (await makeChair(db, { memberStateId: neutral.id })).id;
  });

  it("refuses a webcast address on another origin, keeping the hearing as it was; a saved one may stay while the rest changes", async () => {
    const actor = asActor(secretariat);
    const refused = await refusalOf(
      setUpHearing({ actor, conferenceId, input: hearingInput(chairId, { webcastSource: "https://elsewhere.example/live.m3u8" }) }),
    );
    expect(refused).toMatchObject({ ...NOT_ALLOWED, fieldErrors: { webcastSource: "mediaOrigins.notAllowedField" } });
    expect(await db.hearing.count({ where: { conferenceId } })).toBe(0);

    const hearing = await setUpHearing({ actor, conferenceId, input: hearingInput(chairId, { webcastSource: "https://stream.example.org/live.m3u8" }) });
    expect(hearing.webcastSource).toBe("https://stream.example.org/live.m3u8");
    // A Mux playback id is not an address.
    await setUpHearing({ actor, conferenceId, input: hearingInput(chairId, { webcastKind: "MUX_PLAYBACK_ID", webcastSource: "abcdefghij0123" }) });
    // Saved while its origin was allowed (written here directly): other fields still change, the address with them.
    await db.hearing.update({ where: { id: hearing.id }, data: { webcastKind: "URL", webcastSource: "https://old.example.org/live.m3u8" } });
    const edited = await setUpHearing({
      actor,
      conferenceId,
      input: hearingInput(chairId, { webcastSource: "https://old.example.org/live.m3u8", venue: "Hall B" }),
    });
    expect(edited).toMatchObject({ venue: "Hall B", webcastSource: "https://old.example.org/live.m3u8" });
    const again = await refusalOf(
      setUpHearing({ actor, conferenceId, input: hearingInput(chairId, { webcastSource: "https://old.example.org/other.m3u8", venue: "Hall C" }) }),
    );
    expect(again).toMatchObject(NOT_ALLOWED);
    expect(await db.hearing.findUniqueOrThrow({ where: { id: hearing.id } })).toMatchObject({
      venue: "Hall B",
      webcastSource: "https://old.example.org/live.m3u8",
    });
  });

  it("does not play a webcast or recording whose origin is no longer allowed: the page is told its host", async () => {
    const view = { webcastKind: "URL", webcastAccess: "PUBLIC", status: "LIVE" } as const;
    expect(webcastAccess({ ...view, webcastSource: "https://old.example.org/live.m3u8" }, null)).toEqual({
      kind: "play",
      playback: { kind: "refused", host: "old.example.org" },
    });
    expect(webcastAccess({ ...view, webcastSource: "https://stream.example.org/live.m3u8" }, null)).toMatchObject({ kind: "play", playback: { kind: "src" } });
    expect(webcastAccess({ ...view, status: "ENDED", webcastSource: null, recordingUrl: "https://old.example.org/rec.mp4" }, null)).toEqual({
      kind: "play",
      playback: { kind: "refused", host: "old.example.org" },
    });
    expect(webcastAccess({ ...view, webcastKind: "MUX_PLAYBACK_ID", webcastSource: "abcdefghij0123" }, null)).toEqual({
      kind: "play",
      playback: { kind: "mux", playbackId: "abcdefghij0123" },
    });
  });

  it("refuses a recording on another origin, keeping what was saved; the saved one may be saved again with new chapters", async () => {
    const { hearingId } = await makeHearingWithDraws(db, { conferenceId: (await makeHearingConference(db)).id });
    const owner = await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { conferenceId: true } });
    await db.hearing.update({ where: { id: hearingId }, data: { recordingUrl: "https://old.example.org/rec.mp4", chaptersVtt: "WEBVTT\n" } });
    const save = (recordingUrl: string) =>
      setRecording({
        actor: asActor(secretariat),
        conferenceId: owner.conferenceId,
        input: { hearingId, recordingUrl, recordingStartedAt: "2030-10-27T09:30" },
      });
    expect(await refusalOf(save("https://elsewhere.example/rec.m3u8"))).toMatchObject({
      ...NOT_ALLOWED,
      fieldErrors: { recordingUrl: "mediaOrigins.notAllowedField" },
    });
    expect(await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).toMatchObject({
      recordingUrl: "https://old.example.org/rec.mp4",
      chaptersVtt: "WEBVTT\n",
    });
    await save("https://old.example.org/rec.mp4");
    await save("https://stream.example.org/rec.m3u8");
    expect((await readWebcastView(hearingId))?.recordingUrl).toBe("https://stream.example.org/rec.m3u8");
  });
});
