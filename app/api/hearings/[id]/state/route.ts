import { getCurrentUser } from "@/lib/auth/current-user";
import { classifyInfrastructureError } from "@/lib/errors/infrastructure";
import { logInfrastructureFailure } from "@/lib/errors/log-infrastructure";
import { liveAccess, type LiveAccess } from "@/lib/hearings/live-access";
import { PRIVATE_CACHE_CONTROL, readStateAnswer, STATE_CACHE_CONTROL } from "@/lib/hearings/state-endpoint";
import { matchesIfNoneMatch } from "@/lib/http/etag";
import { json, requestLocale } from "@/lib/http/json-route";
import { translator } from "@/lib/i18n/translator";

export const dynamic = "force-dynamic";
// The live bus's memory and its LISTEN connection live in Node.
export const runtime = "nodejs";

const REFUSAL: Record<Exclude<LiveAccess, "open">, number> = { signInNeeded: 401, notAllowed: 403 };

/**
 * The hearing's live state as JSON, the stream's snapshot, for viewers who poll instead of
 * streaming (docs/decisions/035-state-endpoint-and-50k-viewers.md). A public hearing's answer
 * may be kept a second by a CDN, with a weak ETag per version (304 when unchanged). A
 * members-only hearing's is given only to viewers who may watch, as its stream is
 * (docs/decisions/027-same-origin-and-members-only-stream.md), and kept by no one; anyone else
 * gets 401 or 403 in their language. Unknown hearing: 404; database out of reach: 503 with
 * Retry-After; both translated and never kept.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const t = () => translator(requestLocale(request), ["liveFallback", "membersLive"]);
  try {
    // The session is read only for a members-only hearing: an answer that depended on who asks is theirs alone.
    let askedWho = false;
    const access = await liveAccess(id, () => {
      askedWho = true;
      return getCurrentUser();
    });
    if (access !== "open")
      return json(REFUSAL[access], { error: (await t())(`membersLive.${access}`) }, { "Cache-Control": PRIVATE_CACHE_CONTROL, Vary: "Cookie" });
    const answer = await readStateAnswer(id);
    if (!answer.found) return json(404, { error: (await t())("liveFallback.notFound") });
    const headers: Record<string, string> = askedWho
      ? { "Cache-Control": PRIVATE_CACHE_CONTROL, Vary: "Cookie", ETag: answer.etag }
      : { "Cache-Control": STATE_CACHE_CONTROL, ETag: answer.etag };
    if (matchesIfNoneMatch(request.headers.get("if-none-match"), answer.etag)) return new Response(null, { status: 304, headers });
    return new Response(answer.body, { status: 200, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
  } catch (error) {
    const failure = classifyInfrastructureError(error);
    if (!failure) throw error;
    logInfrastructureFailure(failure, error);
    return json(503, { error: (await t())("liveFallback.unavailable"), busy: true }, { "Retry-After": String(failure.retryAfterSeconds) });
  }
}
