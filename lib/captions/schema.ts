import { z } from "@/lib/validation/zod";
import { CAPTION_LANGUAGES } from "./languages";

// The captions' inputs (docs/decisions/040-captions.md): the captioner's cues at the ingest, the
// secretariat's keys and recorded tracks, the candidate's tracks for a campaign video.

export const CAPTION_LIMITS = {
  /** One live caption line: a sentence or two, as a captioner sends them. */
  cueText: 500,
  cuesPerRequest: 50,
  /** The ingest's body: 50 cues of 500 characters (up to 4 bytes each), with room for the JSON. */
  ingestBytes: 128 * 1024,
  keyLabel: 80,
  /** A captioner's own times may differ this much from the server's clock. */
  clockSkewMs: 10 * 60_000,
  /** The longest a live cue stays on screen. */
  cueMaxMs: 60_000,
} as const;

const id = z.string().trim().min(1).max(40);

/** A live cue's text as plain text: control characters dropped, spaces collapsed, at most two lines kept apart. */
export function plainLiveText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/g, " ")
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

const cueSchema = z.strictObject({
  language: z.enum(CAPTION_LANGUAGES),
  seq: z.int().min(0).max(2_147_483_647),
  text: z.string().max(CAPTION_LIMITS.cueText).transform(plainLiveText).pipe(z.string().min(1)),
  start: z.iso.datetime({ offset: true }).optional(),
  end: z.iso.datetime({ offset: true }).optional(),
});

export type IngestCue = z.output<typeof cueSchema>;

/** One cue, or `{ "cues": [...] }` with up to 50: either way a list. */
export const ingestSchema = z.preprocess(
  (value) => (value !== null && typeof value === "object" && !Array.isArray(value) && !("cues" in value) ? { cues: [value] } : value),
  z.strictObject({ cues: z.array(cueSchema).min(1).max(CAPTION_LIMITS.cuesPerRequest) }),
);

export const issueKeySchema = z.object({
  hearingId: id,
  label: z.string().trim().min(1).max(CAPTION_LIMITS.keyLabel),
});

export const revokeKeySchema = z.object({ hearingId: id, keyId: id });

/** A recorded track pasted or uploaded: its text is checked as WebVTT by the service (lib/captions/webvtt.ts). */
export const hearingTrackSchema = z.object({
  hearingId: id,
  language: z.enum(CAPTION_LANGUAGES, { error: "captionsAdmin.languageRequired" }),
  vtt: z.string().min(1, { error: "captionsAdmin.vttRequired" }),
});

export const removeHearingTrackSchema = z.object({ hearingId: id, language: z.enum(CAPTION_LANGUAGES) });

/** A campaign video may be in any language, so may its captions (BCP 47, as the material's own language). */
export const captionLanguageTag = z
  .string()
  .trim()
  .min(1, { error: "captionsWorkspace.languageRequired" })
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, { error: "captionsWorkspace.languageInvalid" });

export const materialTrackSchema = z.object({
  materialId: id,
  language: captionLanguageTag,
  vtt: z.string().min(1, { error: "captionsWorkspace.vttRequired" }),
});

export const removeMaterialTrackSchema = z.object({ materialId: id, language: captionLanguageTag });
