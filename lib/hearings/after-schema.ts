import { z } from "@/lib/validation/zod";
import { parseOffset } from "./chapters";
import { webcastSourceValid } from "./rules";

// Inputs of the secretariat's "after the hearing" forms, shared by the forms and the services.
export const RECORDING_LIMITS = { url: 500 } as const;

/** Each candidate's chapter offset is its own form field: `chapter-<candidateId>`. */
export const CHAPTER_FIELD_PREFIX = "chapter-";

const id = z.string().trim().min(1).max(64);

export const revealSeedSchema = z.object({ hearingId: id });

/** A datetime-local value with optional seconds, on the conference's clocks. */
const LOCAL_WITH_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?$/;

export const recordingSchema = z
  .object({
    hearingId: id,
    // The same sources a webcast accepts: an https HLS (.m3u8) or MP4 address.
    recordingUrl: z
      .string()
      .trim()
      .min(1)
      .max(RECORDING_LIMITS.url)
      .refine((v) => webcastSourceValid("URL", v), { error: "hearingPublic.admin.recordingUrlInvalid" }),
    recordingStartedAt: z
      .string()
      .trim()
      .refine((v) => v === "" || LOCAL_WITH_SECONDS.test(v), { error: "date" })
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .catchall(z.unknown())
  .superRefine((input, ctx) => {
    for (const [key, value] of Object.entries(input)) {
      if (!key.startsWith(CHAPTER_FIELD_PREFIX)) continue;
      if (typeof value !== "string" || (value.trim() !== "" && parseOffset(value) === null)) {
        ctx.addIssue({ code: "custom", path: [key], message: "hearingPublic.admin.offsetInvalid" });
      }
    }
  })
  .transform((input) => {
    const offsets: Record<string, number> = {};
    for (const [key, value] of Object.entries(input)) {
      if (!key.startsWith(CHAPTER_FIELD_PREFIX) || typeof value !== "string" || value.trim() === "") continue;
      offsets[key.slice(CHAPTER_FIELD_PREFIX.length)] = parseOffset(value) as number;
    }
    return { hearingId: input.hearingId, recordingUrl: input.recordingUrl, recordingStartedAt: input.recordingStartedAt, offsets };
  });

export type RecordingInput = z.input<typeof recordingSchema>;
