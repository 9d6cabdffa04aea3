import { getCurrentUser } from "@/lib/auth/current-user";
import { readMaterialCaptionVtt } from "@/lib/captions/material-tracks";
import { vttNotFound, vttResponse } from "@/lib/captions/vtt-response";

export const dynamic = "force-dynamic";

/** A campaign video's captions in one language: public with the published video, else only to its own candidate. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; language: string }> }) {
  const { id, language } = await params;
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(id) || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/.test(language)) return vttNotFound();
  const track = await readMaterialCaptionVtt(id, language, getCurrentUser);
  return track === null ? vttNotFound() : vttResponse(track.vtt, track.audience);
}
