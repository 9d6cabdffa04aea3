import "server-only";
import { isDomainError, type DomainError, type DomainErrorCode } from "@/lib/errors/domain-error";
import { classifyInfrastructureError } from "@/lib/errors/infrastructure";
import { logInfrastructureFailure } from "@/lib/errors/log-infrastructure";
import { localeOr, translator, type Translate } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/routing";
import { mayMutate } from "./same-origin";

// What the public JSON routes share (the forum's questions, the hearing's questions and
// queue): statuses for the services' refusals, uncached answers, the asker's language,
// bounded JSON bodies.

export const STATUS_OF: Record<DomainErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

function cookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

/** `?locale=`, else the NEXT_LOCALE cookie, else the default. */
export function requestLocale(request: Request): Locale {
  return localeOr(new URL(request.url).searchParams.get("locale") ?? cookie(request, "NEXT_LOCALE"));
}

function sameOriginTranslator(request: Request): Promise<Translate> {
  return translator(requestLocale(request), ["sameOrigin"]);
}

/** `Content-Type: application/json` (parameters such as charset allowed): a cross-site page cannot send it without a preflight. */
export function isJsonContentType(value: string | null): boolean {
  return (value ?? "").split(";")[0]?.trim().toLowerCase() === "application/json";
}

/**
 * The body as text, or null once it passes `maxBytes`: a declared length over the limit is
 * refused before a byte is read, and a body sent without one (chunked) is read only up to the
 * limit, never buffered whole.
 */
export async function readBoundedText(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The request's JSON body, or the answer to give when it did not come from a page of this
 * site (403) or is not declared JSON (415) (docs/decisions/027-same-origin-and-members-only-stream.md),
 * is too large (413) or not JSON (400). Every JSON mutation route reads its body here.
 */
export async function readJsonBody(request: Request, t: Translate, maxBytes: number): Promise<{ input: unknown } | { refusal: Response }> {
  if (!mayMutate(request)) return { refusal: json(403, { error: (await sameOriginTranslator(request))("sameOrigin.crossSite") }) };
  if (!isJsonContentType(request.headers.get("content-type")))
    return { refusal: json(415, { error: (await sameOriginTranslator(request))("sameOrigin.notJson") }) };
  const text = await readBoundedText(request, maxBytes);
  if (text === null) return { refusal: json(413, { error: t("errors.INVALID_INPUT") }) };
  try {
    return { input: JSON.parse(text) };
  } catch {
    return { refusal: json(400, { error: t("errors.INVALID_INPUT"), fieldErrors: {} }) };
  }
}

/** A refusal as the asker reads it: one message, and one per field. */
export function describeRefusal(t: Translate, error: DomainError): { error: string; fieldErrors?: Record<string, string> } {
  const { _form: formLevel, ...perField } = error.fieldErrors ?? {};
  const key = error.messageKey ?? formLevel;
  const message = key ? t(key, error.values) : t(`errors.${error.code}`);
  const fields = Object.entries(perField);
  return fields.length > 0 ? { error: message, fieldErrors: Object.fromEntries(fields.map(([f, k]) => [f, t(k)])) } : { error: message };
}

/**
 * A service's refusal as JSON in the asker's language, with Retry-After on a rate limit. The
 * database or this instance being busy, slow or unreachable (lib/errors/infrastructure.ts)
 * is a 503 with Retry-After and `busyMessageKey` (the caller's translator must hold the
 * serviceBusy namespace); anything else is rethrown.
 */
export function refusalResponse(t: Translate, error: unknown, busyMessageKey = "serviceBusy.request"): Response {
  if (!isDomainError(error)) {
    const failure = classifyInfrastructureError(error);
    if (!failure) throw error;
    logInfrastructureFailure(failure, error);
    return json(503, { error: t(busyMessageKey), busy: true }, { "Retry-After": String(failure.retryAfterSeconds) });
  }
  const body = describeRefusal(t, error as DomainError);
  if (error.code === "INVALID_INPUT") return json(400, { fieldErrors: {}, ...body });
  const retry = error.code === "RATE_LIMITED" && error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : undefined;
  return json(STATUS_OF[error.code], body, retry);
}
