import "server-only";
import { db } from "@/lib/db";
import type { LiveCaption } from "./frames";

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

/**
 * The latest `perLanguage` cues of each language of a live hearing, oldest first, as a viewer
 * who arrives is shown them (lib/hearings/live-bus.ts); none once the hearing is not live.
 */
export async function readLatestCaptions(hearingId: string, perLanguage: number): Promise<LiveCaption[]> {
  const rows = await db().$queryRaw<{ language: string; seq: number; text: string; startAt: Date; endAt: Date }[]>`
    SELECT c."language", c."seq", c."text", c."startAt", c."endAt"
    FROM "Hearing" h
    CROSS JOIN LATERAL (
      SELECT "language", "seq", "text", "startAt", "endAt",
             row_number() OVER (PARTITION BY "language" ORDER BY "seq" DESC) AS n
      FROM "CaptionCue" WHERE "hearingId" = h.id
    ) c
    WHERE h.id = ${hearingId} AND h.status = 'LIVE' AND c.n <= ${perLanguage}
    ORDER BY c."startAt", c."language", c."seq"`;
  return rows.map((row) => ({ language: row.language, seq: row.seq, text: row.text, startAt: row.startAt.toISOString(), endAt: row.endAt.toISOString() }));
}
