import { clientIp } from "@/lib/auth/client-ip";
import { getCurrentUser } from "@/lib/auth/current-user";
import { translator } from "@/lib/i18n/translator";
import { submitViewerQuestion } from "@/lib/hearings/questions";
import { json, readJsonBody, refusalResponse, requestLocale } from "@/lib/http/json-route";

export const dynamic = "force-dynamic";

// A question is a few kilobytes at most (lib/hearings/questions-schema.ts); anything far larger is not one.
const MAX_BODY_BYTES = 64 * 1024;

/**
 * A viewer of the webcast sends the chair a question for a candidate (JSON body, see
 * viewerQuestionSchema; the hearing is the one in the address). 201, or a refusal translated
 * into `?locale=` / NEXT_LOCALE: 400 with per-field errors, 403 members only, 404, 409, 429
 * with Retry-After, 503 with Retry-After when this instance or the database is too busy to
 * take it now (nothing was stored). Signed-in members are recognised for a members-only webcast.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const t = await translator(requestLocale(request), ["hearingLive", "questionSources", "validation", "errors", "serviceBusy"]);
  const body = await readJsonBody(request, t, MAX_BODY_BYTES);
  if ("refusal" in body) return body.refusal;
  const input = body.input !== null && typeof body.input === "object" ? { ...body.input, hearingId: id } : body.input;
  try {
    await submitViewerQuestion({ actor: await getCurrentUser(), input, client: { ip: clientIp(request.headers) } });
  } catch (error) {
    return refusalResponse(t, error, "serviceBusy.question");
  }
  return json(201, { ok: true });
}
