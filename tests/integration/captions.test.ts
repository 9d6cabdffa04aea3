import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as ingestRoute } from "@/app/api/hearings/[id]/captions/route";
import { GET as hearingTrackRoute } from "@/app/api/hearings/[id]/captions/[language]/route";
import { GET as materialTrackRoute } from "@/app/api/materials/[id]/captions/[language]/route";
import { listCaptionCues, readLatestCaptions } from "@/lib/captions/cues";
import { ingestCaptions } from "@/lib/captions/ingest";
import { issueCaptionerKey, listCaptionerKeys, revokeCaptionerKey } from "@/lib/captions/keys";
import { listOwnMaterialCaptionTracks, removeMaterialCaptionTrack, setMaterialCaptionTrack } from "@/lib/captions/material-tracks";
import { KeyRateLimiter } from "@/lib/captions/rate-limit";
import { listHearingCaptionTracks, removeHearingCaptionTrack, setHearingCaptionTrack } from "@/lib/captions/tracks";
import type { Actor } from "@/lib/auth/permissions";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { LiveBus } from "@/lib/hearings/live-bus";
import { readHearingEvents } from "@/lib/hearings/live-state";
import { openHearingStream } from "@/lib/hearings/live-stream";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeUser, type TestUser } from "../support/factories";
import { makeReadyHearing } from "../support/factories-live";
import { candidateAccounts, makeVideo } from "../support/factories-video";
import { makeStatement } from "../support/factories-workspace";
import { expectOnlyRoleAllowed, refusalOf } from "../support/roles";
import { sseReader } from "../support/sse";

// The unit-free parts of docs/decisions/040-captions.md: the captioner's keys and ingest, the
// captions' way onto the live stream, the recorded tracks and the candidates' own.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), unstable_cache: <T>(read: T) => read }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => session.actor }));

const database = withAppDatabase();
let db: PrismaClient;
let secretariat: TestUser;
let candidateAccount: ReturnType<typeof candidateAccounts>;
const closers: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  db = createDb(database.url());
  secretariat = await makeUser(db, "SECRETARIAT");
  candidateAccount = candidateAccounts(db);
});

afterAll(async () => {
  for (const close of closers) await close();
  await db.$disconnect();
});

const VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nGood <b>morning</b> & welcome\n\n00:00:04.000 --> 00:00:06.000\nFirst candidate\n";

async function liveHearing(status: "SCHEDULED" | "LIVE" | "ENDED" = "LIVE") {
  const { hearingId } = await makeReadyHearing(db);
  await db.hearing.update({ where: { id: hearingId }, data: { status, startedAt: status === "SCHEDULED" ? null : new Date() } });
  const { key, id } = await issueCaptionerKey({ actor: asActor(secretariat), input: { hearingId, label: "CART service" } });
  return { hearingId, key, keyId: id };
}

function post(hearingId: string, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const request = new Request(`http://localhost/api/hearings/${hearingId}/captions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: text,
  });
  return ingestRoute(request, { params: Promise.resolve({ id: hearingId }) });
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe("captioner keys", () => {
  it("are issued by the secretariat only, shown once, kept hashed, revocable and audited", async () => {
    const { hearingId } = await makeReadyHearing(db);
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => issueCaptionerKey({ actor, input: { hearingId, label: "x" } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => revokeCaptionerKey({ actor, input: { hearingId, keyId: "k" } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => listCaptionerKeys(actor, hearingId));

    const issued = await issueCaptionerKey({ actor: asActor(secretariat), input: { hearingId, label: "CART service" } });
    expect(issued.key).toMatch(/^hcap_[A-Za-z0-9_-]{43}$/);
    const stored = await db.captionerKey.findUniqueOrThrow({ where: { id: issued.id } });
    expect(stored.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(issued.key);
    expect(await listCaptionerKeys(asActor(secretariat), hearingId)).toEqual([
      { id: issued.id, label: "CART service", createdAt: stored.createdAt, revokedAt: null, lastUsedAt: null },
    ]);
    await revokeCaptionerKey({ actor: asActor(secretariat), input: { hearingId, keyId: issued.id } });
    // Twice is once.
    await revokeCaptionerKey({ actor: asActor(secretariat), input: { hearingId, keyId: issued.id } });
    const rows = await auditRowsFor(db, "Hearing", hearingId);
    expect(rows.map((r) => r.action)).toEqual(["captioner-key-issued", "captioner-key-revoked"]);
    expect(JSON.stringify(rows.map((r) => [r.before, r.after]))).not.toContain(issued.key);
    // A key of this hearing named under another is not found.
    expect(await refusalOf(revokeCaptionerKey({ actor: asActor(secretariat), input: { hearingId: "other", keyId: issued.id } }))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("are not issued once the hearing has ended", async () => {
    const { hearingId } = await makeReadyHearing(db);
    await db.hearing.update({ where: { id: hearingId }, data: { status: "ENDED" } });
    expect(await refusalOf(issueCaptionerKey({ actor: asActor(secretariat), input: { hearingId, label: "late" } }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "captionsAdmin.keyAfterEnd",
    });
  });
});

describe("the ingest", () => {
  it("takes a live hearing's cues once each: a replay changes nothing", async () => {
    const { hearingId, key, keyId } = await liveHearing();
    const cues = {
      cues: [
        { language: "floor", seq: 1, text: "Good morning" },
        { language: "fr", seq: 1, text: "Bonjour <b>à tous</b>" },
      ],
    };
    const first = await post(hearingId, cues, bearer(key));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: 2, duplicates: 0 });
    const again = await post(hearingId, { language: "floor", seq: 1, text: "Changed" }, bearer(key));
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 1 });
    const stored = await listCaptionCues(hearingId);
    expect(stored.map((c) => [c.language, c.seq, c.text])).toEqual([
      ["floor", 1, "Good morning"],
      ["fr", 1, "Bonjour <b>à tous</b>"],
    ]);
    expect(stored[0]!.endAt.getTime()).toBeGreaterThan(stored[0]!.startAt.getTime());
    expect((await db.captionerKey.findUniqueOrThrow({ where: { id: keyId } })).lastUsedAt).not.toBeNull();
    // The state's version is the chair's alone.
    expect((await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).stateVersion).toBe(0);
  });

  it("refuses without a valid key of this hearing: 401 or 403, with a translated message", async () => {
    const { hearingId, key, keyId } = await liveHearing();
    const other = await liveHearing();
    const cue = { language: "en", seq: 1, text: "Hello" };
    const missing = await post(hearingId, cue);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect(await missing.json()).toEqual({ error: "Send the captioner key as Authorization: Bearer …." });
    expect((await post(hearingId, cue, bearer("hcap_not-a-key"))).status).toBe(401);
    expect((await post(hearingId, cue, { authorization: `Basic ${key}` })).status).toBe(401);
    const elsewhere = await post(hearingId, cue, bearer(other.key));
    expect(elsewhere.status).toBe(403);
    expect((await elsewhere.json()).error).toBe("This captioner key is for another hearing.");
    await revokeCaptionerKey({ actor: asActor(secretariat), input: { hearingId, keyId } });
    const revoked = await post(hearingId, cue, bearer(key));
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error).toContain("revoked");
    expect(await db.captionCue.count({ where: { hearingId } })).toBe(0);
  });

  it("takes cues only while the hearing is live: 409 before and after, in the asker's language", async () => {
    const before = await liveHearing("SCHEDULED");
    const response = await post(before.hearingId, { language: "en", seq: 1, text: "Early" }, bearer(before.key));
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: "The hearing has not started: captions are taken only while it is live.", hearing: "notStarted" });
    const after = await liveHearing();
    await db.hearing.update({ where: { id: after.hearingId }, data: { status: "ENDED" } });
    const late = await ingestRoute(
      new Request(`http://localhost/api/hearings/${after.hearingId}/captions?locale=fr`, {
        method: "POST",
        headers: { "content-type": "application/json", ...bearer(after.key) },
        body: JSON.stringify({ language: "en", seq: 1, text: "Late" }),
      }),
      { params: Promise.resolve({ id: after.hearingId }) },
    );
    expect(late.status).toBe(409);
    expect((await late.json()).error).toBe("L’audition est terminée : les sous-titres ne sont plus reçus.");
    expect(await db.captionCue.count({ where: { hearingId: { in: [before.hearingId, after.hearingId] } } })).toBe(0);
  });

  it("names each problem of a body it refuses by its path, and refuses what is not JSON or too large", async () => {
    const { hearingId, key } = await liveHearing();
    const bad = await post(
      hearingId,
      {
        cues: [
          { language: "en", seq: 1, text: "ok" },
          { language: "de", seq: "2", text: "" },
        ],
      },
      bearer(key),
    );
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { fieldErrors: Record<string, string> };
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["cues.1.language", "cues.1.seq", "cues.1.text"]);
    const skewed = await post(hearingId, { language: "en", seq: 1, text: "x", start: "2001-01-01T00:00:00Z" }, bearer(key));
    expect(((await skewed.json()) as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
      "cues.0.start": "This time is more than ten minutes away from the server's clock: send times in UTC, or none.",
    });
    expect((await post(hearingId, "{not json", bearer(key))).status).toBe(400);
    expect((await post(hearingId, { language: "en", seq: 1, text: "x" }, { ...bearer(key), "content-type": "text/plain" })).status).toBe(415);
    expect((await post(hearingId, { language: "en", seq: 1, text: "x".repeat(200_000) }, bearer(key))).status).toBe(413);
    expect(await db.captionCue.count({ where: { hearingId } })).toBe(0);
  });

  it("slows a key that sends too often, with a wait, and not the others", async () => {
    const { hearingId, key } = await liveHearing();
    const other = await issueCaptionerKey({ actor: asActor(secretariat), input: { hearingId, label: "backup" } });
    const limiter = new KeyRateLimiter({ capacity: 2, refillPerSecond: 0.001 });
    const send = (k: string, seq: number) => ingestCaptions({ hearingId, authorization: `Bearer ${k}`, input: { language: "en", seq, text: "x" }, limiter });
    await send(key, 1);
    await send(key, 2);
    expect(await refusalOf(send(key, 3))).toMatchObject({ code: "RATE_LIMITED", messageKey: "captionIngest.rateLimited" });
    await expect(send(other.key, 3)).resolves.toEqual({ accepted: 1, duplicates: 0 });
  });
});

describe("live captions on the hearing's stream", () => {
  it("reach a viewer as caption events without an id, after the opening's latest ones, and leave the versions alone", async () => {
    const { hearingId, key } = await liveHearing();
    await ingestCaptions({
      hearingId,
      authorization: `Bearer ${key}`,
      input: { cues: [1, 2, 3].map((seq) => ({ language: "en", seq, text: `Line ${seq}` })) },
    });
    const pool = createDb(database.url());
    const bus = new LiveBus({
      connectionString: database.url(),
      readEvents: (id, after, upTo) => readHearingEvents(pool, id, after, upTo),
      readCaptions: (id) => readLatestCaptions(id, 2),
    });
    closers.push(
      () => bus.close(),
      () => pool.$disconnect(),
    );
    await bus.ready();
    const abort = new AbortController();
    closers.push(async () => abort.abort());
    const sse = sseReader(openHearingStream({ hearingId, lastEventId: null, signal: abort.signal, bus }));
    expect((await sse.next())?.retry).toBeDefined();
    const opening = await sse.next();
    expect(opening).toMatchObject({ id: "0", event: "state" });
    // The latest two of the language, oldest first.
    expect(await sse.next()).toMatchObject({ event: "caption", data: { language: "en", seq: 2, text: "Line 2" } });
    const third = await sse.next();
    expect(third).toMatchObject({ event: "caption", data: { language: "en", seq: 3 } });
    expect(third?.id).toBeUndefined();

    await ingestCaptions({ hearingId, authorization: `Bearer ${key}`, input: { language: "ar", seq: 1, text: "صباح الخير" } });
    const live = await sse.next();
    expect(live).toMatchObject({ event: "caption", data: { language: "ar", seq: 1, text: "صباح الخير" } });
    expect(live?.id).toBeUndefined();
    // A replay is not sent again.
    await ingestCaptions({
      hearingId,
      authorization: `Bearer ${key}`,
      input: {
        cues: [
          { language: "ar", seq: 1, text: "x" },
          { language: "ar", seq: 2, text: "Next" },
        ],
      },
    });
    expect(await sse.next()).toMatchObject({ event: "caption", data: { seq: 2, text: "Next" } });
    // What a new viewer is given comes from memory, kept current by what was heard.
    expect((await bus.recentCaptions(hearingId)).length).toBe(4);
    abort.abort();
  });

  it("gives no latest captions once the hearing is not live", async () => {
    const { hearingId, key } = await liveHearing();
    await ingestCaptions({ hearingId, authorization: `Bearer ${key}`, input: { language: "en", seq: 1, text: "Bye" } });
    expect(await readLatestCaptions(hearingId, 2)).toHaveLength(1);
    await db.hearing.update({ where: { id: hearingId }, data: { status: "ENDED" } });
    expect(await readLatestCaptions(hearingId, 2)).toEqual([]);
  });
});

describe("recorded captions of a hearing", () => {
  async function endedHearing(rehearsal = false) {
    const { hearingId } = await makeReadyHearing(db);
    await db.hearing.update({ where: { id: hearingId }, data: { status: "ENDED", rehearsal } });
    return hearingId;
  }
  const get = (id: string, language: string) => hearingTrackRoute(new Request("http://localhost/x"), { params: Promise.resolve({ id, language }) });

  it("are set by the secretariat only, per language, checked and escaped, audited, and served as text/vtt", async () => {
    const hearingId = await endedHearing();
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => setHearingCaptionTrack({ actor, input: { hearingId, language: "en", vtt: VTT } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => removeHearingCaptionTrack({ actor, input: { hearingId, language: "en" } }));
    const actor = asActor(secretariat);
    expect(await setHearingCaptionTrack({ actor, input: { hearingId, language: "en", vtt: VTT } })).toEqual({ language: "en", cues: 2 });
    await setHearingCaptionTrack({ actor, input: { hearingId, language: "floor", vtt: VTT } });
    expect((await listHearingCaptionTracks(actor, hearingId)).map((t) => [t.language, t.cues])).toEqual([
      ["floor", 2],
      ["en", 2],
    ]);
    const response = await get(hearingId, "en");
    expect(response.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    expect(await response.text()).toBe(
      "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nGood morning &amp; welcome\n\n00:00:04.000 --> 00:00:06.000\nFirst candidate\n",
    );
    expect((await get(hearingId, "ru")).status).toBe(404);
    expect((await get(hearingId, "de")).status).toBe(404);
    await removeHearingCaptionTrack({ actor, input: { hearingId, language: "en" } });
    expect((await get(hearingId, "en")).status).toBe(404);
    expect((await auditRowsFor(db, "Hearing", hearingId)).map((r) => r.action)).toEqual(["caption-track-set", "caption-track-set", "caption-track-removed"]);
  });

  it("refuses a file that is not WebVTT, naming the line, and a hearing not yet ended; a rehearsal's are never served", async () => {
    const actor = asActor(secretariat);
    const hearingId = await endedHearing();
    expect(await refusalOf(setHearingCaptionTrack({ actor, input: { hearingId, language: "en", vtt: "00:00:01.000 --> 00:00:02.000\nHi" } }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { vtt: "webvtt.noHeader:1" },
    });
    expect(await refusalOf(setHearingCaptionTrack({ actor, input: { hearingId, language: "", vtt: VTT } }))).toMatchObject({
      fieldErrors: { language: "captionsAdmin.languageRequired" },
    });
    const { hearingId: live } = await liveHearing();
    expect(await refusalOf(setHearingCaptionTrack({ actor, input: { hearingId: live, language: "en", vtt: VTT } }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "captionsAdmin.notEnded",
    });
    const rehearsal = await endedHearing(true);
    await setHearingCaptionTrack({ actor, input: { hearingId: rehearsal, language: "en", vtt: VTT } });
    expect((await get(rehearsal, "en")).status).toBe(404);
  });
});

describe("a candidate's captions for their campaign video", () => {
  const get = (id: string, language: string) => materialTrackRoute(new Request("http://localhost/x"), { params: Promise.resolve({ id, language }) });

  it("go only on their own draft video, with a language, and are public only with the published video", async () => {
    const { candidate, user } = await candidateAccount();
    const stranger = await candidateAccount();
    const video = await makeVideo(db, candidate.id);
    const actor = asActor(user);
    await expectOnlyRoleAllowed("CANDIDATE", (a) => setMaterialCaptionTrack({ actor: a, input: { materialId: video.id, language: "en", vtt: VTT } }));
    // Another candidate's video reads as one that does not exist.
    expect(
      await refusalOf(setMaterialCaptionTrack({ actor: asActor(stranger.user), input: { materialId: video.id, language: "en", vtt: VTT } })),
    ).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await refusalOf(setMaterialCaptionTrack({ actor, input: { materialId: video.id, language: "", vtt: VTT } }))).toMatchObject({
      fieldErrors: { language: "captionsWorkspace.languageRequired" },
    });
    const statement = await makeStatement(db, candidate.id);
    expect(await refusalOf(setMaterialCaptionTrack({ actor, input: { materialId: statement.id, language: "en", vtt: VTT } }))).toMatchObject({
      messageKey: "captionsWorkspace.notVideo",
    });
    expect(await setMaterialCaptionTrack({ actor, input: { materialId: video.id, language: "pt-br", vtt: VTT } })).toMatchObject({
      language: "pt-BR",
      cues: 2,
    });
    expect((await listOwnMaterialCaptionTracks(actor, video.id)).map((t) => t.language)).toEqual(["pt-BR"]);
    expect(await refusalOf(listOwnMaterialCaptionTracks(asActor(stranger.user), video.id))).toMatchObject({ code: "NOT_FOUND" });

    // A draft's captions: its own candidate only, kept by no one.
    session.actor = null;
    expect((await get(video.id, "pt-BR")).status).toBe(404);
    session.actor = asActor(stranger.user);
    expect((await get(video.id, "pt-BR")).status).toBe(404);
    session.actor = actor;
    const own = await get(video.id, "pt-BR");
    expect(own.status).toBe(200);
    expect(own.headers.get("cache-control")).toBe("private, no-store");
    session.actor = null;

    // Published, they are everyone's, and no longer change.
    await db.material.update({ where: { id: video.id }, data: { state: "PUBLISHED", publishedAt: new Date() } });
    const published = await get(video.id, "pt-BR");
    expect(published.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(published.headers.get("cache-control")).toBe("public, max-age=60");
    expect(await refusalOf(removeMaterialCaptionTrack({ actor, input: { materialId: video.id, language: "pt-BR" } }))).toMatchObject({ code: "CONFLICT" });
    expect((await auditRowsFor(db, "Material", video.id)).map((r) => r.action)).toEqual(["captions-set"]);
  });
});
