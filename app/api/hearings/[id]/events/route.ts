import { openHearingStream, parseLastEventId, SSE_HEADERS } from "@/lib/hearings/live-stream";

export const dynamic = "force-dynamic";
// A long-lived stream needs Node (the LISTEN connection is a pg socket).
export const runtime = "nodejs";

/**
 * The live panel of a hearing as Server-Sent Events. Public like the running order: a
 * members-only webcast restricts the video, not who speaks or the clock (docs/domain.md#webcast-access).
 * Always 200 with a stream, opened before the database is touched: an unknown hearing or an
 * unavailable database is a `failure` event inside it (docs/decisions/020-live-stream-recovery.md).
 * Where the viewer was: `Last-Event-ID` (the browser's own reconnection) or `?after=` (the
 * panel's, which opens a new connection and cannot set the header).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const lastEventId = parseLastEventId(request.headers.get("last-event-id")) ?? parseLastEventId(new URL(request.url).searchParams.get("after"));
  const stream = openHearingStream({ hearingId: id, lastEventId, signal: request.signal });
  return new Response(stream, { headers: SSE_HEADERS });
}
