import { readDrawsExport, resolvePublicHearingId } from "@/lib/hearings/after-queries";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("Not found.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });

/**
 * Open data for anyone who wants to re-run the draws (docs/draw-specification.md §12,
 * scripts/verify-draws.ts): every draw of the hearing with its commitment, commit, draw and
 * reveal times, public entropy, queue counts, eligible ids (and, for questions, their published
 * texts) and result; the voided commitments with their seeds; the active commitment, and its
 * seed once revealed after the hearing. `current` names the conference's hearing.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const hearingId = await resolvePublicHearingId(id === "current" ? undefined : id);
  const file = hearingId ? await readDrawsExport(hearingId) : null;
  if (!file) return notFound();
  return Response.json(file, {
    headers: {
      // A draw or the reveal changes it: never more than a few seconds old.
      "Cache-Control": "public, max-age=5",
      "Access-Control-Allow-Origin": "*",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
