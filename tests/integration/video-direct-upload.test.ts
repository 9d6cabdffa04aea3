import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor } from "../support/factories";
import { candidateAccounts, makeVideo } from "../support/factories-video";
import { refusalOf } from "../support/roles";
import { S3RVER_CREDENTIALS, startLocalS3 } from "../support/s3-store";

// A candidate's video sent by the browser straight to the S3 store with a presigned PUT, then
// checked by its content before it is attached (docs/decisions/033-object-storage.md), against
// a local S3-compatible store (s3rver). Uploads through this server: video-services.test.ts.

const s3 = await startLocalS3();
Object.assign(process.env, {
  S3_ENDPOINT: s3.endpoint,
  S3_BUCKET: s3.bucket,
  S3_REGION: "us-east-1",
  S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
  S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
});
for (const name of ["MUX_TOKEN_ID", "MUX_TOKEN_SECRET", "MUX_WEBHOOK_SECRET"]) delete process.env[name];

let asking: Actor | null = null;
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => asking }));
vi.mock("next-intl/server", () => import("../support/translations"));

const { startDirectVideoUpload, finishDirectVideoUpload } = await import("@/lib/materials/video");
const { storage } = await import("@/lib/storage");
const { POST } = await import("@/app/api/materials/[id]/video/route");

const database = withAppDatabase();
let db: PrismaClient;
let makeCandidateAccount: ReturnType<typeof candidateAccounts>;
beforeAll(() => {
  db = createDb(database.url());
  makeCandidateAccount = candidateAccounts(db);
});
afterAll(async () => {
  await db.$disconnect();
  await s3.close();
});

const fixture = (folder: "video" | "hostile", name: string) => readFileSync(path.join(__dirname, "../fixtures", folder, name));
const MP4 = fixture("video", "sample.mp4");
const WEBM = fixture("video", "sample.webm");

async function draftVideo() {
  const { candidate, user } = await makeCandidateAccount();
  const video = await makeVideo(db, candidate.id, "DRAFT");
  return { candidate, user, video, actor: asActor(user) };
}

/** What the browser does: asks for the address, PUTs the bytes there, says it is done. */
async function upload(actor: Actor, id: string, bytes: Buffer, declared: { type?: "mp4" | "webm"; size?: number; name?: string } = {}) {
  const direct = await startDirectVideoUpload({
    actor,
    input: { id, size: declared.size ?? bytes.length, fileName: declared.name ?? "Campaign.mp4", type: declared.type ?? "mp4" },
  });
  if (!direct) throw new Error("no direct upload with S3 configured");
  const sent = await fetch(direct.url, { method: direct.method, headers: direct.headers, body: new Uint8Array(bytes) });
  expect(sent.status).toBe(200);
  const key = new URL(direct.url).pathname.split("/").pop() ?? "";
  return { direct, key, finish: () => finishDirectVideoUpload({ actor, input: { id, token: direct.token } }) };
}

describe("direct video uploads to S3", () => {
  it("gives a presigned PUT, then checks the object by content and attaches it, audited", async () => {
    const { video, actor, user } = await draftVideo();
    const { direct, key, finish } = await upload(actor, video.id, MP4);
    expect(direct).toMatchObject({ method: "PUT", headers: { "content-type": "application/octet-stream" } });
    expect(key).toMatch(/^[a-f0-9]{32}\.mp4$/);
    // Nothing is attached before the check.
    expect((await db.material.findUniqueOrThrow({ where: { id: video.id } })).fileKey).toBeNull();
    const after = await finish();
    expect(after).toMatchObject({ videoSource: "UPLOAD", fileKey: key, fileName: "Campaign.mp4", mimeType: "video/mp4" });
    expect(Number(after.sizeBytes)).toBe(MP4.length);
    expect((await storage().get(key))?.bytes.equals(MP4)).toBe(true);
    const audit = await auditRowsFor(db, "Material", video.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["video-attached", user.id]]);
  });

  it("keeps an attached file when its finish is said again and refused", async () => {
    const { video, actor } = await draftVideo();
    const { key, direct } = await upload(actor, video.id, MP4);
    await finishDirectVideoUpload({ actor, input: { id: video.id, token: direct.token } });
    // The same finish again (a double click, a retry), refused this time: the attached file stays.
    expect(await refusalOf(finishDirectVideoUpload({ actor, input: { id: video.id, token: direct.token }, maxBytes: 10 }))).toMatchObject({
      messageKey: expect.stringContaining("tooLarge"),
    });
    expect((await db.material.findUniqueOrThrow({ where: { id: video.id } })).fileKey).toBe(key);
    expect((await storage().get(key))?.bytes.equals(MP4)).toBe(true);
  });

  it("deletes the file it replaces after the change", async () => {
    const { video, actor } = await draftVideo();
    const first = await upload(actor, video.id, MP4);
    await first.finish();
    const second = await upload(actor, video.id, WEBM, { type: "webm", name: "Campaign.webm" });
    expect(await second.finish()).toMatchObject({ fileKey: second.key, mimeType: "video/webm" });
    expect(await s3.keys()).not.toContain(first.key);
    expect(await s3.keys()).toContain(second.key);
  });

  const html = Buffer.from("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
  const lateHtml = Buffer.concat([MP4, Buffer.from("<html><script>alert(1)</script></html>")]);
  it.each([
    ["a JPEG named .mp4", fixture("hostile", "clean.jpg"), "mp4", "uploads.wrongType"],
    ["HTML disguised as MP4", html, "mp4", "uploads.markupRefused"],
    ["an MP4 header followed by HTML", fixture("hostile", "polyglot-html.mp4"), "mp4", "uploads.polyglot"],
    ["a real MP4 with HTML appended", lateHtml, "mp4", "uploads.polyglot"],
    ["an MP4 with a Windows program 8 KiB in", fixture("hostile", "late-pe.mp4"), "mp4", "uploads.polyglot"],
    ["a WebM announced as MP4", WEBM, "mp4", "uploads.wrongType"],
  ] as const)("refuses %s after the upload, deleting the object and attaching nothing", async (_what, bytes, type, messageKey) => {
    const { video, actor } = await draftVideo();
    const { key, finish } = await upload(actor, video.id, bytes, { type });
    expect(await s3.keys()).toContain(key);
    expect(await refusalOf(finish())).toMatchObject({ code: "INVALID_INPUT", messageKey });
    expect(await s3.keys()).not.toContain(key);
    expect((await db.material.findUniqueOrThrow({ where: { id: video.id } })).fileKey).toBeNull();
    expect(await auditRowsFor(db, "Material", video.id)).toEqual([]);
  });

  it("refuses an object of another length than announced, and deletes it", async () => {
    const { video, actor } = await draftVideo();
    // S3 refuses such a PUT itself (the length is signed); s3rver does not check, the server does.
    const { key, finish } = await upload(actor, video.id, MP4, { size: MP4.length + 10 });
    expect(await refusalOf(finish())).toMatchObject({ code: "INVALID_INPUT", messageKey: "uploads.incomplete" });
    expect(await s3.keys()).not.toContain(key);
  });

  it("refuses a finish with nothing uploaded", async () => {
    const { video, actor } = await draftVideo();
    const direct = await startDirectVideoUpload({ actor, input: { id: video.id, size: MP4.length, fileName: "a.mp4", type: "mp4" } });
    expect(await refusalOf(finishDirectVideoUpload({ actor, input: { id: video.id, token: direct!.token } }))).toMatchObject({
      messageKey: "uploads.incomplete",
    });
  });

  it("refuses a file past the limit before giving an address", async () => {
    const { video, actor } = await draftVideo();
    const start = startDirectVideoUpload({ actor, input: { id: video.id, size: 2000, fileName: "a.mp4", type: "mp4" }, maxBytes: 1000 });
    expect(await refusalOf(start)).toMatchObject({ code: "INVALID_INPUT", messageKey: "uploads.tooLarge" });
    expect(await refusalOf(startDirectVideoUpload({ actor, input: { id: video.id, size: 0, fileName: "a.mp4", type: "mp4" } }))).toMatchObject({
      messageKey: "uploads.empty",
    });
  });

  it("lets nobody else finish an upload or attach it elsewhere, and deletes nothing of theirs", async () => {
    const owner = await draftVideo();
    const other = await draftVideo();
    const { key, direct } = await upload(owner.actor, owner.video.id, MP4);
    // Another candidate with the owner's token, on either draft.
    expect(await refusalOf(finishDirectVideoUpload({ actor: other.actor, input: { id: owner.video.id, token: direct.token } }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await refusalOf(finishDirectVideoUpload({ actor: other.actor, input: { id: other.video.id, token: direct.token } }))).toMatchObject({
      code: "FORBIDDEN",
    });
    // A token changed by hand.
    const [payload, mac] = direct.token.split(".");
    const claim = JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...claim, candidateId: other.candidate.id, materialId: other.video.id })).toString("base64url")}.${mac}`;
    expect(await refusalOf(finishDirectVideoUpload({ actor: other.actor, input: { id: other.video.id, token: forged } }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await s3.keys()).toContain(key);
    // Someone else's draft gets no address either.
    expect(
      await refusalOf(startDirectVideoUpload({ actor: other.actor, input: { id: owner.video.id, size: 10, fileName: "a.mp4", type: "mp4" } })),
    ).toBeTruthy();
    expect(await refusalOf(startDirectVideoUpload({ actor: null, input: { id: owner.video.id, size: 10, fileName: "a.mp4", type: "mp4" } }))).toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });
});

describe("POST /api/materials/<id>/video", () => {
  const ORIGIN = "http://localhost:3000";
  const post = (id: string, body: unknown, origin = ORIGIN) =>
    POST(
      new Request(`${ORIGIN}/api/materials/${id}/video?locale=fr`, {
        method: "POST",
        headers: { origin, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      {
        params: Promise.resolve({ id }),
      },
    );

  it("starts, the browser sends, finishes: the video is attached", async () => {
    const { video, actor } = await draftVideo();
    asking = actor;
    const started = await post(video.id, { step: "start", size: MP4.length, fileName: "Campagne.mp4", type: "mp4" });
    expect(started.status).toBe(200);
    expect(started.headers.get("cache-control")).toBe("no-store");
    const direct = (await started.json()) as { target: string; method: string; url: string; headers: Record<string, string>; token: string };
    expect(direct).toMatchObject({ target: "direct", method: "PUT" });
    expect((await fetch(direct.url, { method: direct.method, headers: direct.headers, body: new Uint8Array(MP4) })).status).toBe(200);
    const finished = await post(video.id, { step: "finish", token: direct.token });
    expect(await finished.json()).toEqual({ ok: true });
    expect((await db.material.findUniqueOrThrow({ where: { id: video.id } })).fileName).toBe("Campagne.mp4");
  });

  it("answers a refusal in the page's language with its status, and refuses another site", async () => {
    const { video, actor } = await draftVideo();
    asking = actor;
    const tooLarge = await post(video.id, { step: "start", size: 2 * 1024 * 1024 * 1024, fileName: "a.mp4", type: "mp4" });
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { error: string }).error).toBeTruthy();
    expect((await post(video.id, { step: "sideways" })).status).toBe(400);
    expect((await post(video.id, { step: "finish", token: "x.y" })).status).toBe(403);
    expect((await post(video.id, { step: "start", size: 10, fileName: "a.mp4", type: "mp4" }, "https://evil.example")).status).toBe(403);
    asking = null;
    expect((await post(video.id, { step: "start", size: 10, fileName: "a.mp4", type: "mp4" })).status).toBe(401);
  });
});
