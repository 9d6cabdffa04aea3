import ar from "@/lib/i18n/messages/ar/uploadChecks.json";
import en from "@/lib/i18n/messages/en/uploadChecks.json";
import es from "@/lib/i18n/messages/es/uploadChecks.json";
import fr from "@/lib/i18n/messages/fr/uploadChecks.json";
import ru from "@/lib/i18n/messages/ru/uploadChecks.json";
import zh from "@/lib/i18n/messages/zh/uploadChecks.json";
import { isLocale, routing } from "@/lib/i18n/routing";
import { FORM_BODY_MAX_BYTES, FORM_UPLOAD_MAX_BYTES, MB } from "./limits";

// A form's body past FORM_BODY_MAX_BYTES would be cut short by the proxy's buffer and refused
// by Next's server actions with a 500. The proxy answers it first, by its declared length,
// with a 413 in the page's language (docs/decisions/026-upload-checks.md). A body within the
// bound reaches the action, whose service refuses a file past its own kind's limit.
// The six sentences are imported, not loaded by name, so that proxy.ts carries only them.

const MESSAGES = { ar, en, es, fr, ru, zh } as const;

export function bodyTooLargeMessage(locale: string | null | undefined): string {
  const catalogue = MESSAGES[locale && isLocale(locale) ? locale : routing.defaultLocale];
  return catalogue.bodyTooLarge.replace("{limit}", String(Math.round(FORM_UPLOAD_MAX_BYTES / MB)));
}

/**
 * Lets go of a body unread. Next hands the proxy at most proxyClientMaxBodySize of it, through
 * a stream that Node 20's fetch wraps; reading that wrapper to its end can close it twice
 * (an uncaught ERR_INVALID_STATE), so it is cancelled instead.
 */
async function release(body: ReadableStream<Uint8Array> | null): Promise<void> {
  await body?.cancel().catch(() => undefined);
}

/** The 413 for a POST whose declared body is larger than any form may send, or null. */
export function oversizeBodyRefusal(request: Request, locale: string | null | undefined): Promise<Response> | null {
  if (request.method !== "POST") return null;
  const declared = request.headers.get("content-length");
  if (declared === null || !/^\d+$/.test(declared) || Number(declared) <= FORM_BODY_MAX_BYTES) return null;
  // A server action called by script shows a "text/plain" error's text (exactly that type);
  // a form posted without script shows the page, which needs its charset.
  const scripted = request.headers.has("next-action");
  const answer = new Response(bodyTooLargeMessage(locale), {
    status: 413,
    headers: {
      "Content-Type": scripted ? "text/plain" : "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
  return release(request.body).then(() => answer);
}
