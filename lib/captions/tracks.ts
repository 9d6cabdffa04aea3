import "server-only";
import { unstable_cache } from "next/cache";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { CACHED_READ_SECONDS } from "@/lib/cache/bounds";
import { TAGS } from "@/lib/cache-tags";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { sortCaptionLanguages, type CaptionLanguage } from "./languages";
import { hearingTrackSchema, removeHearingTrackSchema } from "./schema";
import { parseVtt } from "./webvtt";

// A hearing's recorded captions, one WebVTT track per language (docs/decisions/040-captions.md):
// the secretariat adds them once the hearing has ended and until the record is closed; the
// public reads them with the recording (app/api/hearings/[id]/captions/[language]/route.ts). A
// rehearsal's never reach the public: its id is refused as unknown there.

/** The file checked and written as the portal serves it, or a refusal that names the line. */
export function checkedVtt(text: string, field = "vtt"): { vtt: string; cues: number } {
  const result = parseVtt(text);
  if (!result.ok) throw new DomainError("INVALID_INPUT", { fieldErrors: { [field]: `webvtt.${result.error.problem}:${result.error.line}` } });
  return { vtt: result.vtt, cues: result.cues.length };
}

async function lockEndedHearing(tx: Tx, hearingId: string) {
  await tx.$queryRaw`SELECT id FROM "Hearing" WHERE id = ${hearingId} FOR UPDATE`;
  const hearing = await tx.hearing.findUnique({ where: { id: hearingId }, select: { id: true, status: true, closedAt: true } });
  if (!hearing) throw new DomainError("NOT_FOUND");
  if (hearing.closedAt) throw new DomainError("CONFLICT", { messageKey: "captionsAdmin.tracksClosed" });
  if (hearing.status !== "ENDED") throw new DomainError("CONFLICT", { messageKey: "captionsAdmin.notEnded" });
  return hearing;
}

/** Adds or replaces the recorded captions of one language. */
export async function setHearingCaptionTrack({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const data = parseInput(hearingTrackSchema, input);
  const { vtt, cues } = checkedVtt(data.vtt);
  return db().$transaction(async (tx) => {
    const hearing = await lockEndedHearing(tx, data.hearingId);
    const before = await tx.hearingCaptionTrack.findUnique({
      where: { hearingId_language: { hearingId: hearing.id, language: data.language } },
      select: { id: true },
    });
    await tx.hearingCaptionTrack.upsert({
      where: { hearingId_language: { hearingId: hearing.id, language: data.language } },
      create: { hearingId: hearing.id, language: data.language, vtt },
      update: { vtt },
      select: { id: true },
    });
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "caption-track-set",
      entity: "Hearing",
      entityId: hearing.id,
      before: before ? { language: data.language } : undefined,
      after: { language: data.language, cues, bytes: Buffer.byteLength(vtt) },
    });
    return { language: data.language, cues };
  });
}

export async function removeHearingCaptionTrack({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const data = parseInput(removeHearingTrackSchema, input);
  return db().$transaction(async (tx) => {
    const hearing = await lockEndedHearing(tx, data.hearingId);
    const removed = await tx.hearingCaptionTrack.deleteMany({ where: { hearingId: hearing.id, language: data.language } });
    if (removed.count === 0) throw new DomainError("NOT_FOUND");
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "caption-track-removed",
      entity: "Hearing",
      entityId: hearing.id,
      before: { language: data.language },
    });
    return { language: data.language };
  });
}

export type TrackSummary = { language: string; cues: number; updatedAt: Date };

function countCues(vtt: string): number {
  return vtt.split("\n").filter((line) => line.includes(" --> ")).length;
}

/** The secretariat's list of a hearing's recorded tracks. */
export async function listHearingCaptionTracks(actor: Actor | null, hearingId: string): Promise<TrackSummary[]> {
  assertCan(actor, "manage:hearing:any");
  const rows = await db().hearingCaptionTrack.findMany({ where: { hearingId }, select: { language: true, vtt: true, updatedAt: true } });
  const byLanguage = new Map(rows.map((row) => [row.language, row]));
  return sortCaptionLanguages(byLanguage.keys()).map((language) => {
    const row = byLanguage.get(language)!;
    return { language, cues: countCues(row.vtt), updatedAt: row.updatedAt };
  });
}

/** A public hearing's recorded track as served; null for none, or for a rehearsal. */
export async function readHearingCaptionVtt(hearingId: string, language: string): Promise<string | null> {
  const row = await db().hearingCaptionTrack.findFirst({ where: { hearingId, language, hearing: { rehearsal: false } }, select: { vtt: true } });
  return row?.vtt ?? null;
}

/** The languages of a public hearing's recorded tracks, floor first (the page passes them to the player). */
export function getCachedHearingCaptionLanguages(hearingId: string): Promise<CaptionLanguage[]> {
  return unstable_cache(
    async () => {
      const rows = await db().hearingCaptionTrack.findMany({ where: { hearingId, hearing: { rehearsal: false } }, select: { language: true } });
      return sortCaptionLanguages(rows.map((row) => row.language as CaptionLanguage));
    },
    ["hearing-caption-languages", hearingId],
    { tags: [TAGS.hearings], revalidate: CACHED_READ_SECONDS },
  )();
}
