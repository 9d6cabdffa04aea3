import { openHearingStream, parseLastEventId, SSE_HEADERS } from "@/lib/hearings/live-stream";

export const dynamic = "force-dynamic";
// A long-lived stream needs Node (the LISTEN connection is a pg socket).
export const runtime = "nodejs";

/**
 * The live panel of a hearing as Server-Sent Events. Public like the running order: a
 * members-only webcast restricts the video, not who speaks or the clock (docs/domain.md#webcast-access).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const stream = await openHearingStream({
    hearingId: id,
    lastEventId: parseLastEventId(request.headers.get("last-event-id")),
    signal: request.signal,
  });
  if (!stream) return Response.json({ error: "NOT_FOUND" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(stream, { headers: SSE_HEADERS });
}
