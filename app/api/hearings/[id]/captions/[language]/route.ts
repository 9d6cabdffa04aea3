import { isCaptionLanguage } from "@/lib/captions/languages";
import { readHearingCaptionVtt } from "@/lib/captions/tracks";
import { vttNotFound, vttResponse } from "@/lib/captions/vtt-response";
import { HEARING_ID } from "@/lib/live/protocol";

export const dynamic = "force-dynamic";

/** The recording's captions in one language ("floor" or a locale) as a WebVTT track; a rehearsal's are never served. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; language: string }> }) {
  const { id, language } = await params;
  if (!HEARING_ID.test(id) || !isCaptionLanguage(language)) return vttNotFound();
  const vtt = await readHearingCaptionVtt(id, language);
  return vtt === null ? vttNotFound() : vttResponse(vtt, "public");
}
