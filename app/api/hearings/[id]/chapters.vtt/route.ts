import { readChaptersVtt } from "@/lib/hearings/after-queries";
import { localeOr, translator } from "@/lib/i18n/translator";

export const dynamic = "force-dynamic";

/**
 * The recording's chapters (a cue per candidate, then per question put to them) as a WebVTT
 * track for the replay's player; `?lang=` names the questions' chapters in that language.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const t = await translator(localeOr(new URL(request.url).searchParams.get("lang")), ["player"]);
  const vtt = /^[A-Za-z0-9_-]{1,64}$/.test(id)
    ? await readChaptersVtt(id, (chapter, question) => t("player.chapters.questionOf", { name: chapter.name, number: question.number }))
    : null;
  if (vtt === null) {
    return new Response("Not found.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
    });
  }
  return new Response(vtt, {
    headers: {
      "Content-Type": "text/vtt; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=60",
      // A player on another site may load the track too (it is public data).
      "Access-Control-Allow-Origin": "*",
    },
  });
}
