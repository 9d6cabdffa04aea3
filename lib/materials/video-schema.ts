import { z } from "@/lib/validation/zod";
import { MATERIAL_LIMITS } from "./schema";

// Without Mux (docs/decisions/008-video.md), a video may also be played from elsewhere: an https address of an
// HLS playlist (.m3u8) or of an MP4/WebM file. Shared by the form and the service.

export const VIDEO_URL_EXTENSIONS = ["m3u8", "mp4", "webm"] as const;

const PLAYABLE_PATH = new RegExp(`\\.(?:${VIDEO_URL_EXTENSIONS.join("|")})$`, "i");

/** Is `url` (already an https URL) one a browser can play: a playlist or a video file, no credentials in it? */
export function isPlayableVideoUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return !parsed.username && !parsed.password && PLAYABLE_PATH.test(parsed.pathname);
}

export const videoUrlSchema = z.object({
  id: z.string().trim().min(1).max(40),
  url: z
    .string()
    .trim()
    .min(1)
    .max(MATERIAL_LIMITS.url)
    .pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: "workspace.videoUrlHttps" }))
    .refine(isPlayableVideoUrl, { error: "workspace.videoUrlType" }),
});

export type VideoUrlInput = z.input<typeof videoUrlSchema>;
