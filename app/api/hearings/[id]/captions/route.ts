import { ingestCaptions } from "@/lib/captions/ingest";
import { CAPTION_LIMITS } from "@/lib/captions/schema";
import { isDomainError } from "@/lib/errors/domain-error";
import { isJsonContentType, json, readBoundedText, refusalResponse, requestLocale } from "@/lib/http/json-route";
import { translator } from "@/lib/i18n/translator";
import { HEARING_ID } from "@/lib/live/protocol";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * A captioner's live cues for the hearing (docs/decisions/040-captions.md): `Authorization:
 * Bearer <key>` as the secretariat issued it for this hearing, a JSON body of one cue
 * `{ language, seq, text, start?, end? }` or `{ cues: [...] }`. 200 `{ accepted, duplicates }`;
 * 400 with `fieldErrors` on a cue the schema refuses; 401 without a valid key, 403 with another
 * hearing's; 409 `{ error, hearing: "notStarted" | "ended" }` before the start or after the end; 413 over the size limit; 415 when not JSON;
 * 429 with Retry-After. A bearer key is not a browser's ambient credential, so no Origin is asked.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const t = await translator(requestLocale(request), ["captionIngest", "errors", "validation", "serviceBusy"]);
  if (!HEARING_ID.test(id)) return json(404, { error: t("errors.NOT_FOUND") });
  if (!isJsonContentType(request.headers.get("content-type"))) return json(415, { error: t("captionIngest.notJson") });
  const text = await readBoundedText(request, CAPTION_LIMITS.ingestBytes);
  if (text === null) return json(413, { error: t("captionIngest.tooLarge", { limit: CAPTION_LIMITS.ingestBytes / 1024 }) });
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return json(400, { error: t("captionIngest.notJson"), fieldErrors: {} });
  }
  try {
    const result = await ingestCaptions({ hearingId: id, authorization: request.headers.get("authorization"), input });
    return json(200, result);
  } catch (error) {
    // Before the start or after the end, said in a word a client can act on (wait, or stop).
    if (isDomainError(error) && error.code === "CONFLICT")
      return json(409, { error: t(error.messageKey ?? "errors.CONFLICT"), hearing: error.messageKey === "captionIngest.ended" ? "ended" : "notStarted" });
    const refusal = refusalResponse(t, error);
    if (isDomainError(error) && error.code === "UNAUTHENTICATED") refusal.headers.set("WWW-Authenticate", 'Bearer realm="captions"');
    return refusal;
  }
}
