import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { db, type Tx } from "@/lib/db";
import { z } from "@/lib/validation/zod";
import { pickVideo, VIDEO_FIELDS } from "./video";

// What Mux's webhooks tell us about a video the candidate sent by direct upload
// (https://www.mux.com/docs/core/listen-for-webhooks). Events are signed (checked by the
// route), may come more than once and in any order: each is applied only when it changes
// something, so a replay changes nothing and writes no second audit row. The material is
// found by the upload id it recorded (or the asset id, once known): an event of an upload
// the candidate has since replaced matches nothing and is ignored. Mux's `passthrough`
// (the material's id) must agree when present. No one acts here: audit rows have no actor.

const eventSchema = z.object({
  type: z.string(),
  data: z
    .object({
      id: z.string().min(1),
      asset_id: z.string().min(1).optional(),
      upload_id: z.string().min(1).optional(),
      passthrough: z.string().optional(),
      new_asset_settings: z.object({ passthrough: z.string().optional() }).loose().optional(),
      playback_ids: z.array(z.object({ id: z.string().min(1), policy: z.string() }).loose()).optional(),
      errors: z
        .object({ type: z.string().optional(), messages: z.array(z.string()).optional() })
        .loose()
        .optional(),
      error: z.object({ type: z.string().optional(), message: z.string().optional() }).loose().optional(),
    })
    .loose(),
});

export type MuxEvent = z.infer<typeof eventSchema>;

export type MuxEventOutcome = "applied" | "unchanged" | "unknown-material" | "ignored";

const VIDEO_ERROR_MAX = 500;

type Change = { action: string; data: { muxAssetId?: string | null; muxPlaybackId?: string | null; videoError?: string | null } };

type Current = { id: string; muxAssetId: string | null; muxPlaybackId: string | null; videoError: string | null };

/** What the event changes on the material as it is now, or null when it changes nothing. */
function changeFor(event: MuxEvent, m: Current): Change | null {
  const { data } = event;
  switch (event.type) {
    case "video.upload.asset_created": {
      if (!data.asset_id || m.muxAssetId === data.asset_id) return null;
      // One upload makes one asset; a second one would be another's.
      if (m.muxAssetId) return null;
      return { action: "video-asset-created", data: { muxAssetId: data.asset_id } };
    }
    case "video.asset.ready": {
      if (m.muxAssetId && m.muxAssetId !== data.id) return null;
      const playbackId = data.playback_ids?.find((p) => p.policy === "public")?.id;
      if (!playbackId) return null;
      if (m.muxAssetId === data.id && m.muxPlaybackId === playbackId && m.videoError === null) return null;
      return { action: "video-ready", data: { muxAssetId: data.id, muxPlaybackId: playbackId, videoError: null } };
    }
    case "video.asset.errored": {
      if (m.muxAssetId && m.muxAssetId !== data.id) return null;
      const reason = (data.errors?.messages?.join(" ") || data.errors?.type || "unknown error").slice(0, VIDEO_ERROR_MAX);
      if (m.muxAssetId === data.id && m.videoError === reason && m.muxPlaybackId === null) return null;
      return { action: "video-failed", data: { muxAssetId: data.id, muxPlaybackId: null, videoError: reason } };
    }
    case "video.upload.errored": {
      const reason = (data.error?.message || data.error?.type || "upload failed").slice(0, VIDEO_ERROR_MAX);
      if (m.videoError === reason) return null;
      return { action: "video-failed", data: { videoError: reason } };
    }
    default:
      return null;
  }
}

const HANDLED = new Set(["video.upload.asset_created", "video.upload.errored", "video.asset.ready", "video.asset.errored"]);

/** How to recognise the event's material: by upload id for upload events, by asset id then upload id for asset events. */
function matchersOf(event: MuxEvent) {
  const { data } = event;
  return event.type.startsWith("video.upload.")
    ? [{ muxUploadId: data.id }]
    : [{ muxAssetId: data.id }, ...(data.upload_id ? [{ muxUploadId: data.upload_id }] : [])];
}

const matches = (m: { videoSource: string | null; muxUploadId: string | null; muxAssetId: string | null }, event: MuxEvent) =>
  m.videoSource === "MUX" && matchersOf(event).some((c) => ("muxUploadId" in c ? m.muxUploadId === c.muxUploadId : m.muxAssetId === c.muxAssetId));

async function findMaterial(tx: Tx, event: MuxEvent): Promise<string | null> {
  for (const condition of matchersOf(event)) {
    const found = await tx.material.findFirst({ where: { ...condition, kind: "VIDEO", videoSource: "MUX" }, select: { id: true } });
    if (found) return found.id;
  }
  return null;
}

/** Applies one verified Mux event. Unknown types and malformed events are ignored (Mux is answered 200 all the same). */
export async function applyMuxEvent(payload: unknown): Promise<MuxEventOutcome> {
  const parsed = eventSchema.safeParse(payload);
  if (!parsed.success || !HANDLED.has(parsed.data.type)) return "ignored";
  const event = parsed.data;
  const passthrough = event.data.passthrough ?? event.data.new_asset_settings?.passthrough;
  return db().$transaction(async (tx) => {
    const id = await findMaterial(tx, event);
    if (!id || (passthrough !== undefined && passthrough !== id)) return "unknown-material";
    await tx.$executeRaw`SELECT 1 FROM "Material" WHERE id = ${id} FOR UPDATE`;
    const before = await tx.material.findUniqueOrThrow({ where: { id }, select: { id: true, ...VIDEO_FIELDS } });
    // The candidate may have started another upload between the look-up and the lock.
    if (!matches(before, event)) return "unknown-material";
    const change = changeFor(event, before);
    if (!change) return "unchanged";
    const after = await tx.material.update({ where: { id }, data: change.data, select: VIDEO_FIELDS });
    await emitAudit(tx, {
      actor: null,
      area: "material",
      action: change.action,
      entity: "Material",
      entityId: id,
      before: pickVideo(before),
      after: pickVideo(after),
    });
    return "applied";
  });
}
