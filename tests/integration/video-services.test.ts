import { readFileSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { VIDEO_MAX_BYTES } from "@/lib/uploads/limits";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, type TestUser } from "../support/factories";
import { candidateAccounts, makeVideo } from "../support/factories-video";
import { makeStatement } from "../support/factories-workspace";
import { actorOf, expectOnlyRoleAllowed, refusalOf } from "../support/roles";

// Videos without Mux (docs/decisions/008-video.md): an MP4/WebM uploaded to this server, streamed to storage and
// typed by its content, or an external https HLS/MP4/WebM address. Mux is not configured
// in this file; tests/integration/video-mux.test.ts covers it.

const storageDir = await mkdtemp(path.join(tmpdir(), "hustings-video-"));
process.env.STORAGE_DIR = storageDir;
for (const name of ["MUX_TOKEN_ID", "MUX_TOKEN_SECRET", "MUX_WEBHOOK_SECRET"]) delete process.env[name];

let asking: Actor | null = null;
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => asking }));
vi.mock("next-intl/server", () => import("../support/translations"));

const { attachVideoFile, setVideoUrl, startVideoUpload } = await import("@/lib/materials/video");
const { PUT } = await import("@/app/api/materials/[id]/video/route");
const { POST: muxWebhook } = await import("@/app/api/webhooks/mux/route");
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
  await rm(storageDir, { recursive: true, force: true });
});

const fixture = (folder: "video" | "hostile", name: string) => readFileSync(path.join(__dirname, "../fixtures", folder, name));
const MP4 = fixture("video", "sample.mp4");
const WEBM = fixture("video", "sample.webm");

/** A request body as the browser streams it, remembering whether anyone read it. */
function streamOf(bytes: Buffer, chunk = 1000) {
  const read = { started: false };
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        read.started = true;
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + chunk)));
        offset += chunk;
      },
      // Nothing is pulled before someone reads.
    },
    { highWaterMark: 0 },
  );
  return Object.assign(stream, { read });
}

/** Everything the store holds (files, not their type notes or partial writes). */
const storedFiles = async () => (await readdir(storageDir).catch(() => [] as string[])).filter((f) => !f.endsWith(".type")).sort();

async function draftVideo(extra: Record<string, unknown> = {}) {
  const { candidate, user } = await makeCandidateAccount();
  const video = await makeVideo(db, candidate.id, "DRAFT", extra);
  return { candidate, user, video, actor: asActor(user) };
}

const attach = (actor: Actor | null, id: string, bytes: Buffer, options: { name?: string; size?: number; maxBytes?: number } = {}) =>
  attachVideoFile({
    actor,
    id,
    body: streamOf(bytes),
    size: options.size ?? bytes.length,
    originalName: options.name ?? "video.mp4",
    maxBytes: options.maxBytes,
  });

describe("attachVideoFile", () => {
  it("stores an MP4 streamed in, typed by its content, recorded and audited; other sources cleared", async () => {
    const { video, actor, user } = await draftVideo({ videoSource: "URL", url: "https://video.example.org/old.m3u8" });
    const after = await attach(actor, video.id, MP4, { name: "Campaign\u202Evom.exe.mp4" });
    expect(after).toMatchObject({
      videoSource: "UPLOAD",
      mimeType: "video/mp4",
      url: null,
      muxUploadId: null,
      muxAssetId: null,
      muxPlaybackId: null,
      videoError: null,
    });
    expect(after.fileKey).toMatch(/^[a-f0-9]{32}\.mp4$/);
    expect(after.fileName).toBe("Campaignvom.mp4");
    expect(Number(after.sizeBytes)).toBe(MP4.length);
    expect((await storage().get(after.fileKey ?? ""))?.bytes.equals(MP4)).toBe(true);
    const audit = await auditRowsFor(db, "Material", video.id);
    expect(audit.map((a) => [a.area, a.action, a.actorId])).toEqual([["material", "video-attached", user.id]]);
    // A draft's address and file stay out of the log (docs/domain.md#confidentiality): its source and whether it has a file.
    expect(audit[0]?.before).toEqual({ videoSource: "URL", hasFile: false, hasPlaybackId: false, videoFailed: false });
    expect(audit[0]?.after).toEqual({ videoSource: "UPLOAD", hasFile: true, hasPlaybackId: false, videoFailed: false });
  });

  it("takes a WebM even when it is named .mp4, and deletes the file it replaces after the change", async () => {
    const { video, actor } = await draftVideo();
    const first = await attach(actor, video.id, MP4);
    const second = await attach(actor, video.id, WEBM, { name: "Campaign.mp4" });
    expect(second).toMatchObject({ mimeType: "video/webm", fileName: "Campaign.webm" });
    expect(second.fileKey).toMatch(/\.webm$/);
    expect(await storage().stat(first.fileKey ?? "")).toBeNull();
    expect(await storage().stat(second.fileKey ?? "")).toEqual({ size: WEBM.length, contentType: "video/webm" });
    expect((await auditRowsFor(db, "Material", video.id)).map((a) => a.action)).toEqual(["video-attached", "video-attached"]);
  });

  const html = Buffer.from("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
  const lateHtml = Buffer.concat([MP4, Buffer.from("<html><script>alert(1)</script></html>")]);
  // Streamed in pieces, the SVG straddles no boundary the checker cannot see (lib/uploads/content-scan.ts).
  const middleSvg = Buffer.concat([MP4, Buffer.alloc(70_000, 0x20), Buffer.from("<svg onload=alert(1)>"), Buffer.alloc(70_000, 0x20)]);
  it.each([
    ["a JPEG named .mp4 (wrong magic bytes)", fixture("hostile", "clean.jpg"), "uploads.wrongType"],
    ["a PDF", fixture("hostile", "clean.pdf"), "uploads.wrongType"],
    ["HTML disguised as MP4", html, "uploads.markupRefused"],
    ["an MP4 header followed by HTML", fixture("hostile", "polyglot-html.mp4"), "uploads.polyglot"],
    ["a real MP4 with HTML appended after its first KiB", lateHtml, "uploads.polyglot"],
    ["a real MP4 with an SVG in its middle, past its first and last KiB", middleSvg, "uploads.polyglot"],
    ["an MP4 with a Windows program 8 KiB in", fixture("hostile", "late-pe.mp4"), "uploads.polyglot"],
    ["a Windows executable", fixture("hostile", "brochure.pdf.exe"), "uploads.activeFileRefused"],
    ["a ZIP archive", fixture("hostile", "archive.zip"), "uploads.activeFileRefused"],
  ])("refuses %s, keeping nothing and changing nothing", async (_what, bytes, key) => {
    const { video, actor } = await draftVideo();
    const before = await storedFiles();
    expect(await refusalOf(attach(actor, video.id, bytes, { name: "video.mp4" }))).toMatchObject({ code: "INVALID_INPUT", messageKey: key });
    expect(await storedFiles()).toEqual(before);
    expect(await db.material.findUniqueOrThrow({ where: { id: video.id } })).toMatchObject({ fileKey: null, videoSource: null });
    expect(await auditRowsFor(db, "Material", video.id)).toEqual([]);
  });

  it("refuses a file name with a NUL byte before reading a byte (docs/decisions/026-upload-checks.md)", async () => {
    const { video, actor } = await draftVideo();
    const body = streamOf(MP4);
    expect(await refusalOf(attachVideoFile({ actor, id: video.id, body, size: MP4.length, originalName: "clip\u0000.mp4" }))).toMatchObject({
      code: "INVALID_INPUT",
      messageKey: "uploadChecks.fileNameControl",
    });
    expect(body.read.started).toBe(false);
  });

  it("refuses an empty file, declared or actual", async () => {
    const { video, actor } = await draftVideo();
    expect(await refusalOf(attach(actor, video.id, Buffer.alloc(0)))).toMatchObject({ code: "INVALID_INPUT", messageKey: "uploads.empty" });
    expect(await refusalOf(attach(actor, video.id, Buffer.alloc(0), { size: 5000 }))).toMatchObject({ code: "INVALID_INPUT", messageKey: "uploads.empty" });
    expect(await refusalOf(attachVideoFile({ actor, id: video.id, body: null, size: 10, originalName: "v.mp4" }))).toMatchObject({
      messageKey: "uploads.empty",
    });
    expect(await storedFiles()).not.toContain(expect.stringContaining("partial"));
  });

  it("refuses a file over the limit by its declared length without reading a byte", async () => {
    const { video, actor } = await draftVideo();
    const body = streamOf(MP4);
    expect(await refusalOf(attachVideoFile({ actor, id: video.id, body, size: 4097, originalName: "v.mp4", maxBytes: 4096 }))).toMatchObject({
      code: "INVALID_INPUT",
      messageKey: "uploads.tooLarge",
    });
    expect(body.read.started).toBe(false);
    // The real limit is 1 GB, told in megabytes.
    const huge = streamOf(MP4);
    expect(await refusalOf(attachVideoFile({ actor, id: video.id, body: huge, size: VIDEO_MAX_BYTES + 1, originalName: "v.mp4" }))).toMatchObject({
      messageKey: "uploads.tooLarge",
      values: { limit: 1024 },
    });
    expect(huge.read.started).toBe(false);
  });

  it("cuts off a body that grows past the limit whatever length it declared, and keeps nothing", async () => {
    const { video, actor } = await draftVideo();
    const before = await storedFiles();
    expect(await refusalOf(attach(actor, video.id, MP4, { size: 4000, maxBytes: 4096 }))).toMatchObject({ messageKey: "uploads.tooLarge" });
    expect(await storedFiles()).toEqual(before);
    expect((await db.material.findUniqueOrThrow({ where: { id: video.id } })).fileKey).toBeNull();
  });

  it("refuses a body shorter or longer than it declared, and keeps nothing", async () => {
    const { video, actor } = await draftVideo();
    const before = await storedFiles();
    expect(await refusalOf(attach(actor, video.id, MP4, { size: MP4.length + 10 }))).toMatchObject({ messageKey: "uploads.incomplete" });
    expect(await refusalOf(attach(actor, video.id, MP4, { size: MP4.length - 10 }))).toMatchObject({ messageKey: "uploads.incomplete" });
    expect(await storedFiles()).toEqual(before);
  });

  it("answers another candidate's video as not found, and reads nothing", async () => {
    const { video } = await draftVideo();
    const other = await makeCandidateAccount();
    const body = streamOf(MP4);
    expect((await refusalOf(attachVideoFile({ actor: asActor(other.user), id: video.id, body, size: MP4.length, originalName: "v.mp4" }))).code).toBe(
      "NOT_FOUND",
    );
    expect(body.read.started).toBe(false);
  });

  it("refuses a published or taken-down video and a material of another kind, and reads nothing", async () => {
    const { candidate, user } = await makeCandidateAccount();
    const cases = [
      [await makeVideo(db, candidate.id, "PUBLISHED", { videoSource: "URL", url: "https://v.example.org/a.mp4" }), "CONFLICT", "workspace.unpublishToEdit"],
      [await makeVideo(db, candidate.id, "TAKEN_DOWN"), "CONFLICT", "workspace.takenDownFinal"],
      [await makeStatement(db, candidate.id), "INVALID_INPUT", "workspace.videoOnlyVideo"],
    ] as const;
    for (const [material, code, key] of cases) {
      const body = streamOf(MP4);
      expect(await refusalOf(attachVideoFile({ actor: asActor(user), id: material.id, body, size: MP4.length, originalName: "v.mp4" }))).toMatchObject({
        code,
        messageKey: key,
      });
      expect(body.read.started).toBe(false);
    }
  });

  it("lets only a candidate attach a video, and reads nothing for anyone else", async () => {
    const { video } = await draftVideo();
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => attach(actor, video.id, MP4));
    expect((await refusalOf(attach(actorOf("CANDIDATE", { candidateId: null }), video.id, MP4))).code).toBe("FORBIDDEN");
    expect((await db.material.findUniqueOrThrow({ where: { id: video.id } })).fileKey).toBeNull();
  });
});

describe("setVideoUrl", () => {
  it.each([
    "https://stream.example.org/campaign/master.m3u8",
    "https://cdn.example.org/v/Campaign.MP4?token=abc#t=10",
    "https://cdn.example.org/v/campaign.webm",
  ])("plays %s from elsewhere, clearing and deleting an uploaded file", async (url) => {
    const { video, actor, user } = await draftVideo();
    const uploaded = await attach(actor, video.id, MP4);
    const after = await setVideoUrl({ actor, input: { id: video.id, url: `  ${url} ` } });
    expect(after).toMatchObject({
      videoSource: "URL",
      url,
      fileKey: null,
      fileName: null,
      mimeType: null,
      sizeBytes: null,
      muxPlaybackId: null,
      candidateId: video.candidateId,
    });
    expect(await storage().stat(uploaded.fileKey ?? "")).toBeNull();
    const audit = await auditRowsFor(db, "Material", video.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["video-attached", user.id],
      ["video-url-set", user.id],
    ]);
    expect(audit[1]?.after).toMatchObject({ videoSource: "URL", hasFile: false });
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(url);
  });

  const long = `https://video.example.org/${"a".repeat(2000)}.mp4`;
  it.each(
    (
      [
        ["", "required"],
        ["http://video.example.org/a.mp4", "workspace.videoUrlHttps"],
        ["javascript:alert(1)//a.mp4", "workspace.videoUrlHttps"],
        ["ftp://video.example.org/a.mp4", "workspace.videoUrlHttps"],
        ["https://localhost/a.mp4", "workspace.videoUrlHttps"],
        ["https://127.0.0.1/a.mp4", "workspace.videoUrlHttps"],
        ["video.example.org/a.mp4", "workspace.videoUrlHttps"],
        ["https://video.example.org/watch?v=abc", "workspace.videoUrlType"],
        ["https://video.example.org/page.html", "workspace.videoUrlType"],
        ["https://video.example.org/a.mp4.html", "workspace.videoUrlType"],
        ["https://user:secret@video.example.org/a.mp4", "workspace.videoUrlType"],
        [long, "tooLong:2000"],
      ] as const
    ).map(([url, key]) => ({ url, key, label: url.length > 100 ? `an address of ${url.length} characters` : JSON.stringify(url) })),
  )("refuses $label with $key and changes nothing", async ({ url, key }) => {
    const { video, actor } = await draftVideo({ videoSource: "URL", url: "https://keep.example.org/a.mp4" });
    expect(await refusalOf(setVideoUrl({ actor, input: { id: video.id, url } }))).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { url: key } });
    expect(await db.material.findUniqueOrThrow({ where: { id: video.id } })).toMatchObject({ videoSource: "URL", url: "https://keep.example.org/a.mp4" });
    expect(await auditRowsFor(db, "Material", video.id)).toEqual([]);
  });

  it("refuses another candidate's video, a non-draft and another kind", async () => {
    const { video } = await draftVideo();
    const other = await makeCandidateAccount();
    const input = (id: string) => ({ id, url: "https://v.example.org/a.mp4" });
    expect((await refusalOf(setVideoUrl({ actor: asActor(other.user), input: input(video.id) }))).code).toBe("NOT_FOUND");
    const published = await makeVideo(db, other.candidate.id, "PUBLISHED");
    expect(await refusalOf(setVideoUrl({ actor: asActor(other.user), input: input(published.id) }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "workspace.unpublishToEdit",
    });
    const statement = await makeStatement(db, other.candidate.id);
    expect(await refusalOf(setVideoUrl({ actor: asActor(other.user), input: input(statement.id) }))).toMatchObject({
      code: "INVALID_INPUT",
      messageKey: "workspace.videoOnlyVideo",
    });
    expect((await db.material.findUniqueOrThrow({ where: { id: video.id } })).url).toBeNull();
  });

  it("lets only a candidate set a video's address", async () => {
    const { video } = await draftVideo();
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => setVideoUrl({ actor, input: { id: video.id, url: "https://v.example.org/a.mp4" } }));
  });
});

describe("startVideoUpload without Mux", () => {
  it("sends the browser to this server's upload route and changes nothing", async () => {
    const { video, actor } = await draftVideo({ videoSource: "URL", url: "https://keep.example.org/a.mp4" });
    expect(await startVideoUpload({ actor, input: { id: video.id }, origin: "https://hustings.example.org" })).toEqual({
      target: "local",
      url: `/api/materials/${video.id}/video`,
    });
    expect(await db.material.findUniqueOrThrow({ where: { id: video.id } })).toMatchObject({
      videoSource: "URL",
      url: "https://keep.example.org/a.mp4",
      muxUploadId: null,
    });
    expect(await auditRowsFor(db, "Material", video.id)).toEqual([]);
  });

  it("refuses another candidate's video, a non-draft and another kind", async () => {
    const { candidate, user, video } = await draftVideo();
    const other = await makeCandidateAccount();
    const start = (u: TestUser, id: string) => startVideoUpload({ actor: asActor(u), input: { id }, origin: "https://hustings.example.org" });
    expect((await refusalOf(start(other.user, video.id))).code).toBe("NOT_FOUND");
    expect(await refusalOf(start(user, (await makeVideo(db, candidate.id, "PUBLISHED")).id))).toMatchObject({
      code: "CONFLICT",
      messageKey: "workspace.unpublishToEdit",
    });
    expect(await refusalOf(start(user, (await makeVideo(db, candidate.id, "TAKEN_DOWN")).id))).toMatchObject({
      code: "CONFLICT",
      messageKey: "workspace.takenDownFinal",
    });
    expect(await refusalOf(start(user, (await makeStatement(db, candidate.id)).id))).toMatchObject({
      code: "INVALID_INPUT",
      messageKey: "workspace.videoOnlyVideo",
    });
    expect((await refusalOf(start(user, ""))).code).toBe("INVALID_INPUT");
  });

  it("lets only a candidate start an upload", async () => {
    const { video } = await draftVideo();
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => startVideoUpload({ actor, input: { id: video.id }, origin: "https://hustings.example.org" }));
  });
});

describe("PUT /api/materials/[id]/video", () => {
  const ORIGIN = "http://localhost";
  function put(id: string, bytes: Buffer | ReadableStream<Uint8Array>, headers: Record<string, string | null> = {}, query = "") {
    const length = Buffer.isBuffer(bytes) ? bytes.length : 0;
    const all: Record<string, string | null> = {
      origin: ORIGIN,
      "content-length": String(length),
      "x-file-name": encodeURIComponent("Vidéo de campagne.mp4"),
      ...headers,
    };
    const body = Buffer.isBuffer(bytes) ? streamOf(bytes) : bytes;
    const request = new Request(`${ORIGIN}/api/materials/${id}/video${query}`, {
      method: "PUT",
      headers: Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== null)),
      body,
      duplex: "half",
    } as RequestInit);
    return PUT(request, { params: Promise.resolve({ id }) });
  }

  it("streams the body in and answers { ok: true }", async () => {
    const { video, user } = await draftVideo();
    asking = asActor(user);
    const response = await put(video.id, MP4);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    const stored = await db.material.findUniqueOrThrow({ where: { id: video.id } });
    expect(stored).toMatchObject({ videoSource: "UPLOAD", fileName: "Vidéo de campagne.mp4", mimeType: "video/mp4", sizeBytes: BigInt(MP4.length) });
  });

  it("refuses a request from another site, or without Origin, with 403 and reads nothing", async () => {
    const { video, user } = await draftVideo();
    asking = asActor(user);
    for (const origin of ["https://evil.example", "null", null, "http://localhost.evil.example"]) {
      const body = streamOf(MP4);
      const response = await put(video.id, body, { origin, "content-length": String(MP4.length) });
      expect(response.status, String(origin)).toBe(403);
      expect(await response.json()).toEqual({
        error: "This change was refused: it was not sent from a page of this site. Open the page on this site and try again.",
      });
      expect(body.read.started).toBe(false);
    }
    expect((await db.material.findUniqueOrThrow({ where: { id: video.id } })).fileKey).toBeNull();
  });

  it("accepts the site's own origin as a reverse proxy forwards it", async () => {
    const { video, user } = await draftVideo();
    asking = asActor(user);
    const response = await put(video.id, MP4, { origin: "https://hustings.example.org", "x-forwarded-host": "hustings.example.org" });
    expect(response.status).toBe(200);
  });

  it("requires Content-Length, and refuses more than 1 GB with 413 before reading", async () => {
    const { video, user } = await draftVideo();
    asking = asActor(user);
    const missing = await put(video.id, streamOf(MP4), { "content-length": null });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: "The size of the file was not sent. Reload the page and try again." });
    const body = streamOf(MP4);
    const tooBig = await put(video.id, body, { "content-length": String(VIDEO_MAX_BYTES + 1) });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toEqual({ error: "The file is too large. The limit is 1024 MB." });
    expect(body.read.started).toBe(false);
  });

  it("answers in the page's language: ?locale= first, then the NEXT_LOCALE cookie", async () => {
    const { video, user } = await draftVideo();
    asking = asActor(user);
    const pdf = fixture("hostile", "clean.pdf");
    const french = await put(video.id, pdf, {}, "?locale=fr");
    expect(french.status).toBe(400);
    expect((await french.json()).error).toMatch(/^Ce type de fichier n'est pas accepté ici\..*MP4, WEBM/);
    const russian = await put(video.id, pdf, { cookie: "theme=dark; NEXT_LOCALE=ru" });
    expect((await russian.json()).error).toContain("MP4, WEBM");
    expect((await (await put(video.id, pdf, { cookie: "NEXT_LOCALE=ru" }, "?locale=xx")).json()).error).toMatch(/[А-Яа-я]/);
    expect((await (await put(video.id, pdf, { cookie: "NEXT_LOCALE=xx" })).json()).error).toMatch(/^This type of file is not accepted here/);
  });

  it("answers 401 to a visitor, 404 for another candidate's video, 409 for a published one, 403 to other roles", async () => {
    const { candidate, user, video } = await draftVideo();
    const other = await makeCandidateAccount();
    const published = await makeVideo(db, candidate.id, "PUBLISHED");
    const cases: [Actor | null, string, number, string][] = [
      [null, video.id, 401, "Sign in to continue."],
      [asActor(other.user), video.id, 404, "This record does not exist."],
      [asActor(user), published.id, 409, "Withdraw this material from publication before editing it."],
      [actorOf("SECRETARIAT"), video.id, 403, "You are not allowed to do this."],
      [actorOf("ETHICS_OFFICER"), video.id, 403, "You are not allowed to do this."],
    ];
    for (const [actor, id, status, error] of cases) {
      asking = actor;
      const response = await put(id, MP4);
      expect([response.status, await response.json()]).toEqual([status, { error }]);
    }
    expect((await db.material.findUniqueOrThrow({ where: { id: video.id } })).fileKey).toBeNull();
  });
});

describe("the Mux webhook without Mux", () => {
  it("does not exist when Mux is not configured", async () => {
    const response = await muxWebhook(
      new Request("http://localhost/api/webhooks/mux", { method: "POST", body: "{}", headers: { "mux-signature": "t=1,v1=00" } }),
    );
    expect(response.status).toBe(404);
  });
});
