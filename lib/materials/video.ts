import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { materialAuditView } from "@/lib/audit/confidential";
import { emitAudit } from "@/lib/audit/emit";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { createDirectUpload } from "@/lib/mux/client";
import { muxConfig } from "@/lib/mux/config";
import { storage } from "@/lib/storage";
import { StorageLimitError, type DirectUpload } from "@/lib/storage/storage";
import { ContentScanner, scanning } from "@/lib/uploads/content-scan";
import { randomStoredName, sanitiseFileName } from "@/lib/uploads/file-name";
import { DETECTED_TYPES, MB, UPLOAD_RULES, VIDEO_MAX_BYTES } from "@/lib/uploads/limits";
import { sniff } from "@/lib/uploads/sniff";
import { assertAcceptedType, assertFileName, assertNothingHidden } from "@/lib/uploads/validate-upload";
import { assertAllowedMediaAddress } from "@/lib/materials/media-address";
import { parseInput } from "@/lib/validation/parse";
import { z } from "@/lib/validation/zod";
import { assertDraftOfKind, assertOwnMaterialActor, lockOwnMaterial, MATERIAL_FIELDS } from "./own-material";
import { materialIdSchema } from "./schema";
import { videoUrlSchema } from "./video-schema";

// Video (docs/decisions/008-video.md): a candidate's draft VIDEO material plays one of three sources, and only
// one at a time (videoSource says which): a file uploaded here (MP4/WebM, up to 1 GB,
// streamed to storage, typed by its content), an external https address (HLS or MP4/WebM),
// or, when Mux is configured, a Mux asset made from a direct upload (the browser sends the
// file to Mux; Mux's webhook brings the playback id, lib/materials/mux-events.ts).

export const VIDEO_FIELDS = {
  videoSource: true,
  fileKey: true,
  fileName: true,
  mimeType: true,
  sizeBytes: true,
  url: true,
  muxUploadId: true,
  muxAssetId: true,
  muxPlaybackId: true,
  videoError: true,
} as const;

/** Every video field empty: choosing a source clears whatever the others held. */
const NO_VIDEO = {
  fileKey: null,
  fileName: null,
  mimeType: null,
  sizeBytes: null,
  url: null,
  muxUploadId: null,
  muxAssetId: null,
  muxPlaybackId: null,
  videoError: null,
} as const;

const uploadRefusal = (reason: string, values?: Record<string, string | number>) =>
  new DomainError("INVALID_INPUT", { messageKey: `uploads.${reason}`, values });

const tooLarge = (maxBytes: number) => uploadRefusal("tooLarge", { limit: Math.max(1, Math.round(maxBytes / MB)) });

/** The actor's own draft video, locked for the change, with its video fields as they were. */
async function lockVideoDraft(tx: Tx, candidateId: string, id: string) {
  const material = await lockOwnMaterial(tx, candidateId, id);
  assertDraftOfKind(material, "VIDEO", "workspace.videoOnlyVideo");
  const before = await tx.material.findUniqueOrThrow({ where: { id }, select: VIDEO_FIELDS });
  return { material, before };
}

const changed = { ...MATERIAL_FIELDS, ...VIDEO_FIELDS } as const;

/** Is `key` the file of material `id` now? Taken as yes when the database cannot say: a file is never deleted on a guess. */
const isAttachedFile = (id: string, key: string) =>
  db()
    .material.count({ where: { id, fileKey: key } })
    .then(
      (count) => count > 0,
      () => true,
    );

const deleteQuietly = (key: string | null | undefined) =>
  key
    ? storage()
        .delete(key)
        .catch(() => undefined)
    : Promise.resolve();

// ---------------------------------------------------------------------------------------
// A file uploaded here.

/** Reads the first `bytes` of a stream and gives back a stream that still yields everything. */
async function peek(
  body: ReadableStream<Uint8Array>,
  bytes: number,
): Promise<{ head: Buffer; whole: ReadableStream<Uint8Array>; cancel: () => Promise<void> }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  while (length < bytes) {
    const next = await reader.read();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  const whole = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.length > 0) controller.enqueue(new Uint8Array(head));
      if (ended) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { head, whole, cancel: () => reader.cancel().catch(() => undefined) };
}

/** The checked file becomes the draft's video, in one transaction with its audit row; the file it replaces is returned to be deleted after. */
function recordVideoFile(actor: Actor, candidateId: string, id: string, file: { key: string; fileName: string; mime: string; size: number }) {
  return db().$transaction(async (tx) => {
    const { before } = await lockVideoDraft(tx, candidateId, id);
    const after = await tx.material.update({
      where: { id },
      data: { ...NO_VIDEO, videoSource: "UPLOAD", fileKey: file.key, fileName: file.fileName, mimeType: file.mime, sizeBytes: BigInt(file.size) },
      select: changed,
    });
    await emitAudit(tx, {
      actor,
      area: "material",
      action: "video-attached",
      entity: "Material",
      entityId: id,
      before: pickVideo(before),
      after: pickVideo(after),
    });
    return { after, previous: before.fileKey };
  });
}

export type AttachVideoFileInput = {
  actor: Actor | null;
  /** The material's id (checked like any input). */
  id: string;
  /** The raw file, as the request's body. */
  body: ReadableStream<Uint8Array> | null;
  /** The length the sender declared (Content-Length); checked before a byte is read. */
  size: number;
  originalName: string;
  /** Tests only: a smaller limit than the real 1 GB. */
  maxBytes?: number;
};

/**
 * A candidate uploads the MP4 or WebM file of one of their own draft videos. The material
 * is checked and the declared length refused past the limit before the body is read; the
 * body is streamed to storage (never held in memory) and cut off past the limit; the type
 * is decided by the first KiB (lib/uploads/sniff.ts), and the whole file is looked at for
 * another format hidden in it as it streams (lib/uploads/content-scan.ts). A refused file
 * is deleted; a replaced one is deleted after the commit.
 */
export async function attachVideoFile({ actor, id: rawId, body, size, originalName, maxBytes = VIDEO_MAX_BYTES }: AttachVideoFileInput) {
  assertOwnMaterialActor(actor);
  const candidateId = actor.candidateId;
  const { id } = parseInput(materialIdSchema, { id: rawId });
  await db().$transaction((tx) => lockVideoDraft(tx, candidateId, id));

  if (!Number.isSafeInteger(size) || size < 0) throw uploadRefusal("lengthRequired");
  if (size === 0 || !body) throw uploadRefusal("empty");
  if (size > maxBytes) throw tooLarge(maxBytes);
  assertFileName(originalName);

  // The first KiB says at once whether this can be a video: nothing is stored otherwise.
  const { head, whole, cancel } = await peek(body, 1024);
  if (head.length === 0) throw uploadRefusal("empty");
  const early = sniff(head.subarray(0, 1024));
  if (!early.ok || !UPLOAD_RULES.video.types.includes(early.type)) await cancel();
  assertAcceptedType("video", early);

  // Every byte is looked at on its way to storage (lib/uploads/content-scan.ts).
  const scanner = new ContentScanner(early.type);
  const key = randomStoredName(early.extension);
  let stored: { size: number };
  try {
    stored = await storage().putStream(key, scanning(whole, scanner), early.mime, maxBytes);
  } catch (error) {
    if (error instanceof StorageLimitError) throw tooLarge(maxBytes);
    throw error;
  }

  let result;
  try {
    // A body shorter or longer than announced is a broken upload, not a video.
    if (stored.size !== size) throw uploadRefusal("incomplete");
    assertNothingHidden(scanner.finish());
    const fileName = sanitiseFileName(originalName, early.extension);
    result = await recordVideoFile(actor, candidateId, id, { key, fileName, mime: early.mime, size: stored.size });
  } catch (error) {
    await deleteQuietly(key);
    throw error;
  }
  if (result.previous !== key) await deleteQuietly(result.previous);
  return result.after;
}

// ---------------------------------------------------------------------------------------
// A file sent by the browser straight to the S3 store (docs/decisions/033-object-storage.md).

/** How long the browser has to send the file once it has the address: an hour for 1 GB on a slow line. */
export const DIRECT_UPLOAD_SECONDS = 60 * 60;

const directStartSchema = z.object({
  id: z.string().trim().min(1).max(40),
  /** The file's exact length: signed into the address, so the store takes no other. */
  size: z.number().int().min(0),
  fileName: z.string(),
  /** What the browser thinks it is; the content decides, and must agree (the stored name's extension says it). */
  type: z.enum(["mp4", "webm"]),
});

const directFinishSchema = z.object({ id: z.string().trim().min(1).max(40), token: z.string().min(1).max(2000) });

type UploadClaim = { materialId: string; candidateId: string; key: string; size: number; fileName: string; expires: number };

const DEV_SECRET = "development-only-secret-do-not-use-in-production";
let claimKey: Buffer | undefined;
const claimMac = (payload: string) => {
  claimKey ??= createHmac("sha256", env().AUTH_SECRET ?? DEV_SECRET)
    .update("hustings/materials/direct-video-upload/v1")
    .digest();
  return createHmac("sha256", claimKey).update(payload).digest("base64url");
};

/** What the browser brings back after its upload: which object, for which draft of whom, signed by this server. */
function sealClaim(claim: UploadClaim): string {
  const payload = Buffer.from(JSON.stringify(claim)).toString("base64url");
  return `${payload}.${claimMac(payload)}`;
}

function openClaim(token: string): UploadClaim | null {
  const [payload = "", mac = "", ...rest] = token.split(".");
  if (rest.length > 0 || !payload || !mac) return null;
  const expected = Buffer.from(claimMac(payload));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as UploadClaim;
  } catch {
    return null;
  }
}

export type DirectVideoUpload = DirectUpload & { token: string };

/**
 * The first step of a direct upload, only when files are kept in S3: a presigned address
 * for one PUT of exactly the file's length under a new stored name, and a token naming that
 * object, this draft and this candidate, to bring back to finishDirectVideoUpload. Null on
 * local disk, where the browser sends the file to this server's route (attachVideoFile).
 */
export async function startDirectVideoUpload({
  actor,
  input,
  maxBytes = VIDEO_MAX_BYTES,
}: {
  actor: Actor | null;
  input: unknown;
  maxBytes?: number;
}): Promise<DirectVideoUpload | null> {
  assertOwnMaterialActor(actor);
  const candidateId = actor.candidateId;
  const { id, size, fileName, type } = parseInput(directStartSchema, input);
  await db().$transaction((tx) => lockVideoDraft(tx, candidateId, id));
  const store = storage();
  if (!store.presignUpload) return null;
  if (size === 0) throw uploadRefusal("empty");
  if (size > maxBytes) throw tooLarge(maxBytes);
  assertFileName(fileName);
  const key = randomStoredName(DETECTED_TYPES[type].extension);
  const direct = await store.presignUpload(key, size, DIRECT_UPLOAD_SECONDS);
  const token = sealClaim({ materialId: id, candidateId, key, size, fileName, expires: direct.expiresAt.getTime() });
  return { ...direct, token };
}

/** Reads a stream to its end through the scanner, stopping early at a finding; the bytes read. */
async function scanToEnd(stream: ReadableStream<Uint8Array>, scanner: ContentScanner): Promise<number> {
  const reader = stream.getReader();
  let length = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) return length;
    length += next.value.length;
    scanner.push(next.value);
    if (scanner.found) {
      await reader.cancel().catch(() => undefined);
      return length;
    }
  }
}

/**
 * The second step: the object the browser sent is checked by its content as an upload
 * through this server is (its length, its type from the first KiB, the whole file scanned
 * for another format hidden in it, lib/uploads/content-scan.ts) before it becomes the
 * draft's video. A refused object is deleted; a replaced file is deleted after the commit.
 */
export async function finishDirectVideoUpload({ actor, input, maxBytes = VIDEO_MAX_BYTES }: { actor: Actor | null; input: unknown; maxBytes?: number }) {
  assertOwnMaterialActor(actor);
  const candidateId = actor.candidateId;
  const { id, token } = parseInput(directFinishSchema, input);
  const claim = openClaim(token);
  // Another draft's or candidate's token, or a forged one, names nothing this actor may attach.
  if (!claim || claim.materialId !== id || claim.candidateId !== candidateId) throw new DomainError("FORBIDDEN");
  await db().$transaction((tx) => lockVideoDraft(tx, candidateId, id));
  const store = storage();
  let result;
  try {
    if (claim.expires + 60_000 < Date.now()) throw uploadRefusal("incomplete");
    const info = await store.stat(claim.key);
    if (!info) throw uploadRefusal("incomplete");
    if (info.size > maxBytes) throw tooLarge(maxBytes);
    if (info.size !== claim.size) throw uploadRefusal("incomplete");
    const opened = await store.open(claim.key);
    if (!opened) throw uploadRefusal("incomplete");
    const { head, whole, cancel } = await peek(opened.stream, 1024);
    if (head.length === 0) throw uploadRefusal("empty");
    const sniffed = sniff(head.subarray(0, 1024));
    const expected = claim.key.slice(claim.key.lastIndexOf(".") + 1);
    if (!sniffed.ok || !UPLOAD_RULES.video.types.includes(sniffed.type)) await cancel();
    assertAcceptedType("video", sniffed);
    if (sniffed.extension !== expected) {
      await cancel();
      throw uploadRefusal("wrongType", { types: UPLOAD_RULES.video.types.map((t) => DETECTED_TYPES[t].extension.toUpperCase()).join(", ") });
    }
    const scanner = new ContentScanner(sniffed.type);
    const read = await scanToEnd(whole, scanner);
    assertNothingHidden(scanner.finish());
    if (read !== claim.size) throw uploadRefusal("incomplete");
    const fileName = sanitiseFileName(claim.fileName, sniffed.extension);
    result = await recordVideoFile(actor, candidateId, id, { key: claim.key, fileName, mime: sniffed.mime, size: read });
  } catch (error) {
    // A finish said again (a double click, a retry) names a file that may be attached by now: that one stays.
    if (!(await isAttachedFile(id, claim.key))) await deleteQuietly(claim.key);
    throw error;
  }
  if (result.previous !== claim.key) await deleteQuietly(result.previous);
  return result.after;
}

// ---------------------------------------------------------------------------------------
// An external address.

/** A candidate has one of their own draft videos played from an https HLS/MP4/WebM address. */
export async function setVideoUrl({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertOwnMaterialActor(actor);
  const candidateId = actor.candidateId;
  const { id, url } = parseInput(videoUrlSchema, input);
  // Only from the origins every page's policy lets the player reach (docs/decisions/028-media-origins.md).
  assertAllowedMediaAddress(url, "url");
  const result = await db().$transaction(async (tx) => {
    const { before } = await lockVideoDraft(tx, candidateId, id);
    const after = await tx.material.update({ where: { id }, data: { ...NO_VIDEO, videoSource: "URL", url }, select: changed });
    await emitAudit(tx, {
      actor,
      area: "material",
      action: "video-url-set",
      entity: "Material",
      entityId: id,
      before: pickVideo(before),
      after: pickVideo(after),
    });
    return { after, previous: before.fileKey };
  });
  await deleteQuietly(result.previous);
  return result.after;
}

// ---------------------------------------------------------------------------------------
// Mux, or this server: where the browser sends the file.

export type VideoUploadTarget = { target: "mux" | "local"; url: string };

/** `https://portal.example` and the like: what a browser sends as Origin. */
function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The first step of uploading a video file. With Mux configured: a direct upload for this
 * material (its id as passthrough, the page's origin allowed by CORS), recorded as the
 * material's video, whose earlier source is cleared; the browser then sends the file to
 * the returned Mux URL. Without Mux nothing changes: the browser sends the file to this
 * server's own route (attachVideoFile).
 */
export async function startVideoUpload({ actor, input, origin }: { actor: Actor | null; input: unknown; origin: string }): Promise<VideoUploadTarget> {
  assertOwnMaterialActor(actor);
  const candidateId = actor.candidateId;
  const { id } = parseInput(materialIdSchema, input);
  await db().$transaction((tx) => lockVideoDraft(tx, candidateId, id));
  const config = muxConfig();
  if (!config) return { target: "local", url: `/api/materials/${encodeURIComponent(id)}/video` };

  const corsOrigin = originOf(origin);
  if (!corsOrigin) throw new DomainError("FORBIDDEN");
  let upload;
  try {
    upload = await createDirectUpload({ corsOrigin, passthrough: id }, config);
  } catch (error) {
    // The operator needs the cause; the candidate is told to try again later.
    console.error("Mux direct upload could not be created:", error instanceof Error ? error.message : error);
    throw new DomainError("CONFLICT", { messageKey: "workspace.videoServiceUnavailable" });
  }
  const result = await db().$transaction(async (tx) => {
    const { before } = await lockVideoDraft(tx, candidateId, id);
    const after = await tx.material.update({ where: { id }, data: { ...NO_VIDEO, videoSource: "MUX", muxUploadId: upload.id }, select: changed });
    await emitAudit(tx, {
      actor,
      area: "material",
      action: "video-upload-started",
      entity: "Material",
      entityId: id,
      before: pickVideo(before),
      after: pickVideo(after),
    });
    return { previous: before.fileKey };
  });
  await deleteQuietly(result.previous);
  return { target: "mux", url: upload.url };
}

/**
 * The video of a material as an audit row keeps it: its source and whether it has a file,
 * is ready or failed, never its address, file or playback id (docs/domain.md#confidentiality).
 */
export function pickVideo<T extends Record<keyof typeof VIDEO_FIELDS, unknown>>(m: T) {
  return materialAuditView({ videoSource: m.videoSource, fileKey: m.fileKey, muxPlaybackId: m.muxPlaybackId, videoError: m.videoError });
}
