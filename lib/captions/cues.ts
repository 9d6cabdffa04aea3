import "server-only";
import { db } from "@/lib/db";

/** A stored live caption line (docs/decisions/040-captions.md). `text` is as the captioner sent it: escape on output. */
export type CaptionCueRow = { id: string; language: string; seq: number; startAt: Date; endAt: Date; text: string };

/**
 * A hearing's caption cues, by language then the captioner's order. No authorisation here: the
 * caller decides who may read them (a rehearsal's cues are never public, docs/decisions/018).
 */
export async function listCaptionCues(hearingId: string, options: { language?: string } = {}): Promise<CaptionCueRow[]> {
  return db().captionCue.findMany({
    where: { hearingId, ...(options.language ? { language: options.language } : {}) },
    orderBy: [{ language: "asc" }, { seq: "asc" }],
    select: { id: true, language: true, seq: true, startAt: true, endAt: true, text: true },
  });
}

/** The languages a hearing has cues in, "floor" first then the locale codes in order. */
export async function listCaptionLanguages(hearingId: string): Promise<string[]> {
  const rows = await db().captionCue.findMany({ where: { hearingId }, distinct: ["language"], select: { language: true } });
  return rows.map((row) => row.language).sort((a, b) => (a === "floor" ? -1 : b === "floor" ? 1 : a.localeCompare(b)));
}
