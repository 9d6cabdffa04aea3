import { getCurrentUser } from "@/lib/auth/current-user";
import { classifyInfrastructureError } from "@/lib/errors/infrastructure";
import { logInfrastructureFailure } from "@/lib/errors/log-infrastructure";
import { liveAccess, type LiveAccess } from "@/lib/hearings/live-access";
import { failureFrame, openHearingStream, parseLastEventId, retryFrame, SSE_HEADERS } from "@/lib/hearings/live-stream";
import { json, requestLocale } from "@/lib/http/json-route";
import { translator } from "@/lib/i18n/translator";

export const dynamic = "force-dynamic";
// A long-lived stream needs Node (the LISTEN connection is a pg socket).
export const runtime = "nodejs";

const REFUSAL: Record<Exclude<LiveAccess, "open">, number> = { signInNeeded: 401, notAllowed: 403 };

/**
 * The live panel of a hearing as Server-Sent Events. A members-only hearing's panel is for
 * signed-in viewers who may watch, like its webcast (docs/domain.md#webcast-access,
 * docs/decisions/027-same-origin-and-members-only-stream.md): anyone else gets 401 or 403 in
 * their language, and no stream. Otherwise 200 with a stream: an unknown hearing or an
 * unavailable database is a `failure` event inside it (docs/decisions/020-live-stream-recovery.md).
 * Where the viewer was: `Last-Event-ID` (the browser's own reconnection) or `?after=` (the
 * panel's, which opens a new connection and cannot set the header).
 *
 * Behind the production server this route serves only members-only hearings: server.ts writes
 * every other hearing's stream itself, with the same stream code and frames
 * (lib/live/lean-stream.ts, docs/decisions/034-lean-live-stream.md).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let access: LiveAccess;
  try {
    access = await liveAccess(id, getCurrentUser);
  } catch (error) {
    const failure = classifyInfrastructureError(error);
    if (!failure) throw error;
    logInfrastructureFailure(failure, error);
    // As when the stream's own opening cannot read the database: the panel comes back later.
    const failed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(retryFrame());
        controller.enqueue(failureFrame("UNAVAILABLE"));
        controller.close();
      },
    });
    return new Response(failed, { headers: SSE_HEADERS });
  }
  if (access !== "open") {
    const t = await translator(requestLocale(request), ["membersLive"]);
    return json(REFUSAL[access], { error: t(`membersLive.${access}`) }, { Vary: "Cookie" });
  }
  const lastEventId = parseLastEventId(request.headers.get("last-event-id")) ?? parseLastEventId(new URL(request.url).searchParams.get("after"));
  const stream = openHearingStream({ hearingId: id, lastEventId, signal: request.signal });
  return new Response(stream, { headers: SSE_HEADERS });
}
