import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { signMuxPayload } from "@/lib/mux/webhook";
import { randomStoredName } from "@/lib/uploads/file-name";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor } from "../support/factories";
import { candidateAccounts, makeVideo } from "../support/factories-video";
import { makeStatement } from "../support/factories-workspace";
import { startMuxStandIn, type MuxEventBody } from "../support/mux-stand-in";
import { expectOnlyRoleAllowed, refusalOf } from "../support/roles";

// With Mux configured (docs/decisions/008-video.md), a video goes to Mux by direct upload and Mux's signed
// webhook brings the playback id. Mux is played here by a local stand-in server
// (tests/support/mux-stand-in.ts); the webhooks go through the route handler itself.

const WEBHOOK_SECRET = "stand-in-webhook-secret";
const ORIGIN = "https://hustings.example.org";
const standIn = await startMuxStandIn({ tokenId: "stand-in-token-id", tokenSecret: "stand-in-token-secret", webhookSecret: WEBHOOK_SECRET });
const storageDir = await mkdtemp(path.join(tmpdir(), "hustings-mux-"));
// lib/env.ts reads the environment once, at the first call: set before anything runs.
Object.assign(process.env, {
  STORAGE_DIR: storageDir,
  MUX_TOKEN_ID: "stand-in-token-id",
  MUX_TOKEN_SECRET: "stand-in-token-secret",
  MUX_WEBHOOK_SECRET: WEBHOOK_SECRET,
  MUX_API_URL: standIn.apiUrl,
});

const { startVideoUpload, attachVideoFile } = await import("@/lib/materials/video");
const { publishMaterial } = await import("@/lib/materials/publish-material");
const { POST: webhook } = await import("@/app/api/webhooks/mux/route");
const { muxEnabled } = await import("@/lib/mux/config");
const { storage } = await import("@/lib/storage");

const database = withAppDatabase();
let db: PrismaClient;
let makeCandidateAccount: ReturnType<typeof candidateAccounts>;
beforeAll(() => {
  db = createDb(database.url());
  makeCandidateAccount = candidateAccounts(db);
});
afterAll(async () => {
  await db.$disconnect();
  await standIn.close();
  await rm(storageDir, { recursive: true, force: true });
});

const MP4 = readFileSync(path.join(__dirname, "../fixtures/video/sample.mp4"));

async function draftVideo() {
  const { candidate, user } = await makeCandidateAccount();
  const video = await makeVideo(db, candidate.id);
  return { candidate, user, video, actor: asActor(user) };
}

/** What the browser does with the URL it was given: PUT the file to Mux. */
async function sendToMux(url: string, bytes: Buffer) {
  const response = await fetch(url, { method: "PUT", body: new Uint8Array(bytes), headers: { origin: ORIGIN, "content-type": "video/mp4" } });
  expect(response.status).toBe(200);
  expect(response.headers.get("access-control-allow-origin")).toBe(ORIGIN);
}

/** An upload started and its file sent; the events Mux would then send. */
async function uploaded(bytes = MP4) {
  const owner = await draftVideo();
  const target = await startVideoUpload({ actor: owner.actor, input: { id: owner.video.id }, origin: ORIGIN });
  await sendToMux(target.url, bytes);
  const uploadId = (await db.material.findUniqueOrThrow({ where: { id: owner.video.id } })).muxUploadId ?? "";
  return { ...owner, uploadId, events: standIn.eventsFor(uploadId) };
}

const deliver = async (event: MuxEventBody, options: { at?: Date; secret?: string } = {}) => {
  const response = await standIn.deliver(event, webhook, options);
  return { status: response.status, body: response.status === 200 ? ((await response.json()) as { outcome: string }) : await response.text() };
};

const videoOf = (id: string) =>
  db.material.findUniqueOrThrow({
    where: { id },
    select: { videoSource: true, muxUploadId: true, muxAssetId: true, muxPlaybackId: true, videoError: true, fileKey: true, url: true, state: true },
  });

const publish = (actor: ReturnType<typeof asActor>, id: string) =>
  publishMaterial({ actor, input: { id, declaredNoSymbols: "on", declaredNoResources: "on" } });

describe("a video through Mux", () => {
  it("is configured by the environment", () => {
    expect(muxEnabled()).toBe(true);
  });

  it("starts a direct upload for the material, sends the file, and becomes publishable when Mux says it is ready", async () => {
    const { video, actor, user } = await draftVideo();
    // An earlier uploaded file is replaced by the Mux video, and deleted.
    const oldKey = randomStoredName("mp4");
    await storage().put(oldKey, MP4, "video/mp4");
    await db.material.update({
      where: { id: video.id },
      data: { videoSource: "UPLOAD", fileKey: oldKey, fileName: "old.mp4", mimeType: "video/mp4", sizeBytes: MP4.length },
    });

    const target = await startVideoUpload({ actor, input: { id: video.id, locale: "en" }, origin: ORIGIN });
    const [upload] = [...standIn.uploads.values()].filter((u) => u.passthrough === video.id);
    expect(upload).toBeDefined();
    expect(target).toEqual({ target: "mux", url: upload?.url });
    expect(upload?.request).toEqual({ cors_origin: ORIGIN, new_asset_settings: { playback_policies: ["public"], passthrough: video.id } });
    expect(await videoOf(video.id)).toEqual({
      videoSource: "MUX",
      muxUploadId: upload?.id,
      muxAssetId: null,
      muxPlaybackId: null,
      videoError: null,
      fileKey: null,
      url: null,
      state: "DRAFT",
    });
    expect(await storage().stat(oldKey)).toBeNull();
    expect(await refusalOf(publish(actor, video.id))).toMatchObject({ code: "CONFLICT", messageKey: "workspace.materialIncomplete" });

    await sendToMux(target.url, MP4);
    expect(upload?.bytes?.equals(MP4)).toBe(true);
    const [created, ready] = standIn.eventsFor(upload?.id ?? "");
    expect([created?.type, ready?.type]).toEqual(["video.upload.asset_created", "video.asset.ready"]);

    expect(await deliver(created as MuxEventBody)).toEqual({ status: 200, body: { received: true, outcome: "applied" } });
    expect(await videoOf(video.id)).toMatchObject({ muxAssetId: upload?.assetId, muxPlaybackId: null });
    expect(await deliver(ready as MuxEventBody)).toEqual({ status: 200, body: { received: true, outcome: "applied" } });
    expect(await videoOf(video.id)).toMatchObject({ videoSource: "MUX", muxAssetId: upload?.assetId, muxPlaybackId: upload?.playbackId, videoError: null });

    const audit = await auditRowsFor(db, "Material", video.id);
    expect(audit.map((a) => [a.action, a.actorId, a.actorRole])).toEqual([
      ["video-upload-started", user.id, "CANDIDATE"],
      ["video-asset-created", null, null],
      ["video-ready", null, null],
    ]);
    expect(audit[0]?.before).toMatchObject({ videoSource: "UPLOAD", hasFile: true });
    expect(audit[2]?.after).toMatchObject({ videoSource: "MUX", hasPlaybackId: true, videoFailed: false });
    // The playback id is the video's public address: a draft's stays out of the log (docs/domain.md#confidentiality).
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(String(upload?.playbackId));
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(oldKey);

    expect(await publish(actor, video.id)).toMatchObject({ state: "PUBLISHED", muxPlaybackId: upload?.playbackId });
  });

  it("changes nothing when an event is delivered again", async () => {
    const { video, events } = await uploaded();
    for (const event of events) expect((await deliver(event)).body).toMatchObject({ outcome: "applied" });
    const before = await videoOf(video.id);
    const rows = (await auditRowsFor(db, "Material", video.id)).length;
    // Mux may send any event twice, and in any order.
    for (const event of [...events].reverse()) expect(await deliver(event)).toEqual({ status: 200, body: { received: true, outcome: "unchanged" } });
    expect(await videoOf(video.id)).toEqual(before);
    expect((await auditRowsFor(db, "Material", video.id)).length).toBe(rows);
  });

  it("takes the asset's readiness first, and its creation afterwards as already known", async () => {
    const { video, events, uploadId } = await uploaded();
    const [created, ready] = events as [MuxEventBody, MuxEventBody];
    expect((await deliver(ready)).body).toMatchObject({ outcome: "applied" });
    const upload = standIn.uploads.get(uploadId);
    expect(await videoOf(video.id)).toMatchObject({ muxAssetId: upload?.assetId, muxPlaybackId: upload?.playbackId });
    expect((await deliver(created)).body).toMatchObject({ outcome: "unchanged" });
  });

  it("records Mux's failure for the candidate to see, and the video stays unpublishable", async () => {
    const { video, actor, events, uploadId } = await uploaded(Buffer.from("this is not a video at all"));
    const [created, errored] = events as [MuxEventBody, MuxEventBody];
    expect(errored.type).toBe("video.asset.errored");
    await deliver(created);
    expect((await deliver(errored)).body).toMatchObject({ outcome: "applied" });
    expect(await videoOf(video.id)).toMatchObject({
      muxAssetId: standIn.uploads.get(uploadId)?.assetId,
      muxPlaybackId: null,
      videoError: "The input file could not be read as a video.",
    });
    expect((await auditRowsFor(db, "Material", video.id)).map((a) => a.action)).toEqual(["video-upload-started", "video-asset-created", "video-failed"]);
    expect((await deliver(errored)).body).toMatchObject({ outcome: "unchanged" });
    expect(await refusalOf(publish(actor, video.id))).toMatchObject({ code: "CONFLICT", messageKey: "workspace.materialIncomplete" });
    // A new upload starts afresh: the failure is cleared.
    await startVideoUpload({ actor, input: { id: video.id }, origin: ORIGIN });
    expect(await videoOf(video.id)).toMatchObject({ videoError: null, muxAssetId: null });
  });

  it.each([
    ["a forged signature (another secret)", { secret: "not-the-secret" }],
    ["a stale timestamp (ten minutes old)", { at: new Date(Date.now() - 10 * 60_000) }],
    ["a timestamp from the future", { at: new Date(Date.now() + 10 * 60_000) }],
  ])("refuses %s with 401 and changes nothing", async (_what, options) => {
    const { video, events } = await uploaded();
    const before = await videoOf(video.id);
    for (const event of events) expect((await deliver(event, options)).status).toBe(401);
    expect(await videoOf(video.id)).toEqual(before);
    expect((await auditRowsFor(db, "Material", video.id)).map((a) => a.action)).toEqual(["video-upload-started"]);
  });

  it("refuses a missing or malformed signature header, and a body changed after signing, with 401", async () => {
    const { video, events } = await uploaded();
    const [, ready] = events as [MuxEventBody, MuxEventBody];
    const before = await videoOf(video.id);
    expect((await webhook(standIn.webhookRequest(ready, { header: null }))).status).toBe(401);
    expect((await webhook(standIn.webhookRequest(ready, { header: "" }))).status).toBe(401);
    expect((await webhook(standIn.webhookRequest(ready, { header: "v1=deadbeef" }))).status).toBe(401);
    const signed = standIn.webhookRequest(ready);
    const tampered = new Request(signed.url, {
      method: "POST",
      headers: signed.headers,
      body: JSON.stringify({ ...ready, data: { ...ready.data, playback_ids: [{ id: "attacker-playback", policy: "public" }] } }),
    });
    const refused = await webhook(tampered);
    expect([refused.status, await refused.text()]).toEqual([401, "Signature refused (forged)."]);
    expect(await videoOf(video.id)).toEqual(before);
  });

  it("answers 200 to a verified event it does not use, and 400 to a signed body that is not JSON", async () => {
    const { events } = await uploaded();
    const other = { ...(events[1] as MuxEventBody), type: "video.asset.static_renditions.ready" };
    expect(await deliver(other)).toEqual({ status: 200, body: { received: true, outcome: "ignored" } });
    const raw = "not json";
    const response = await webhook(
      new Request("http://localhost/api/webhooks/mux", { method: "POST", body: raw, headers: { "mux-signature": signMuxPayload(raw, WEBHOOK_SECRET) } }),
    );
    expect(response.status).toBe(400);
  });

  it("ignores the events of an upload the candidate has since replaced, and a passthrough that disagrees", async () => {
    const { video, actor, events } = await uploaded();
    await startVideoUpload({ actor, input: { id: video.id }, origin: ORIGIN });
    const current = await videoOf(video.id);
    for (const event of events) expect((await deliver(event)).body).toMatchObject({ outcome: "unknown-material" });
    expect(await videoOf(video.id)).toEqual(current);

    const fresh = await uploaded();
    const [, ready] = fresh.events as [MuxEventBody, MuxEventBody];
    const other = await draftVideo();
    expect((await deliver({ ...ready, data: { ...ready.data, passthrough: other.video.id } })).body).toMatchObject({ outcome: "unknown-material" });
    expect((await videoOf(fresh.video.id)).muxPlaybackId).toBeNull();
  });

  it("is delivered by the stand-in itself after the upload, as Mux would", async () => {
    const { video, actor } = await draftVideo();
    standIn.setWebhook(webhook);
    try {
      const target = await startVideoUpload({ actor, input: { id: video.id }, origin: ORIGIN });
      await sendToMux(target.url, MP4);
      await standIn.idle();
    } finally {
      standIn.setWebhook(null);
    }
    expect((await videoOf(video.id)).muxPlaybackId).toMatch(/^[A-Za-z0-9]+$/);
  });

  it("keeps the material as it was when Mux cannot be reached, and tells the candidate to try later", async () => {
    const { video, actor } = await draftVideo();
    await db.material.update({ where: { id: video.id }, data: { videoSource: "URL", url: "https://keep.example.org/a.mp4" } });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    standIn.failCreatesWith(503);
    try {
      expect(await refusalOf(startVideoUpload({ actor, input: { id: video.id }, origin: ORIGIN }))).toMatchObject({
        code: "CONFLICT",
        messageKey: "workspace.videoServiceUnavailable",
      });
    } finally {
      standIn.failCreatesWith(null);
    }
    expect(logged).toHaveBeenCalledWith("Mux direct upload could not be created:", expect.stringContaining("503"));
    expect(await videoOf(video.id)).toMatchObject({ videoSource: "URL", url: "https://keep.example.org/a.mp4", muxUploadId: null });
    expect(await auditRowsFor(db, "Material", video.id)).toEqual([]);
  });

  it.each(["", "null", "not a url", "https://hustings.example.org/path", "javascript:alert(1)"])(
    "refuses to open an upload for the origin %j",
    async (origin) => {
      const { video, actor } = await draftVideo();
      const before = standIn.uploads.size;
      expect((await refusalOf(startVideoUpload({ actor, input: { id: video.id }, origin }))).code).toBe("FORBIDDEN");
      expect(standIn.uploads.size).toBe(before);
    },
  );

  it("opens an upload only for the candidate's own draft video, asking Mux nothing otherwise", async () => {
    const { candidate, user, video } = await draftVideo();
    const other = await makeCandidateAccount();
    const before = standIn.uploads.size;
    const start = (a: ReturnType<typeof asActor>, id: string) => startVideoUpload({ actor: a, input: { id }, origin: ORIGIN });
    expect((await refusalOf(start(asActor(other.user), video.id))).code).toBe("NOT_FOUND");
    expect(await refusalOf(start(asActor(user), (await makeVideo(db, candidate.id, "PUBLISHED")).id))).toMatchObject({
      code: "CONFLICT",
      messageKey: "workspace.unpublishToEdit",
    });
    expect(await refusalOf(start(asActor(user), (await makeVideo(db, candidate.id, "TAKEN_DOWN")).id))).toMatchObject({
      code: "CONFLICT",
      messageKey: "workspace.takenDownFinal",
    });
    expect(await refusalOf(start(asActor(user), (await makeStatement(db, candidate.id)).id))).toMatchObject({
      code: "INVALID_INPUT",
      messageKey: "workspace.videoOnlyVideo",
    });
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => startVideoUpload({ actor, input: { id: video.id }, origin: ORIGIN }));
    expect(standIn.uploads.size).toBe(before);
    expect(standIn.unauthorised).toBe(0);
  });

  it("still takes a file uploaded to the portal, which replaces the Mux video", async () => {
    const { video, actor } = await uploaded();
    await attachVideoFile({ actor, id: video.id, body: new Blob([new Uint8Array(MP4)]).stream(), size: MP4.length, originalName: "direct.mp4" });
    expect(await videoOf(video.id)).toMatchObject({ videoSource: "UPLOAD", muxUploadId: null, muxAssetId: null, muxPlaybackId: null });
  });
});

describe("the stand-in's API", () => {
  it("refuses a direct upload with the wrong credentials, as Mux does", async () => {
    const { createDirectUpload } = await import("@/lib/mux/client");
    const config = { tokenId: "stand-in-token-id", tokenSecret: "wrong", webhookSecret: WEBHOOK_SECRET, apiUrl: standIn.apiUrl };
    const before = standIn.unauthorised;
    await expect(createDirectUpload({ corsOrigin: ORIGIN, passthrough: "x" }, config)).rejects.toThrow("Mux API answered 401");
    expect(standIn.unauthorised).toBe(before + 1);
  });
});
