import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { crossSiteRefusal } from "@/lib/http/cross-site-refusal";
import { mayMutate } from "@/lib/http/same-origin";
import { isDomainError, type DomainError } from "@/lib/errors/domain-error";
import { isLocale, routing, type Locale } from "@/lib/i18n/routing";
import { attachVideoFile, finishDirectVideoUpload, startDirectVideoUpload } from "@/lib/materials/video";
import { maxMegabytes, VIDEO_MAX_BYTES } from "@/lib/uploads/limits";
import { splitMessageKey } from "@/lib/validation/zod";

export const dynamic = "force-dynamic";

// PUT /api/materials/<id>/video: the raw MP4/WebM file as the body (a server action would
// have to hold up to 1 GB in memory; this route streams it to storage). Headers:
// Content-Length (required; past the limit refused before a byte is read) and X-File-Name
// (encodeURIComponent of the original name). Answers { ok: true } or { error: <message in
// the page's language> }. The service checks who may attach what (lib/materials/video.ts).
//
// POST /api/materials/<id>/video, when files are kept in S3 (docs/decisions/033-object-storage.md):
// a JSON body { step: "start", size, fileName, type: "mp4" | "webm" } answers
// { target: "direct", method, url, headers, token } (the browser PUTs the file there) or, on
// local disk, { target: "local", url } (the PUT above); then { step: "finish", token } has the
// object checked by its content and attached, answering { ok: true } or { error }.

const STATUS: Record<DomainError["code"], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** ?locale=, else the NEXT_LOCALE cookie, else English. */
function localeOf(request: Request): Locale {
  const requested = new URL(request.url).searchParams.get("locale") ?? "";
  if (isLocale(requested)) return requested;
  const cookie = /(?:^|;\s*)NEXT_LOCALE=([^;]*)/.exec(request.headers.get("cookie") ?? "")?.[1] ?? "";
  return isLocale(cookie) ? cookie : routing.defaultLocale;
}

function decodeName(header: string | null): string {
  if (!header) return "video";
  try {
    return decodeURIComponent(header);
  } catch {
    return "video";
  }
}

async function refusal(locale: Locale, status: number, messageKey: string, values: Record<string, string | number> = {}) {
  const { key, values: fromKey } = splitMessageKey(messageKey);
  const dot = key.indexOf(".");
  const t = await getTranslations({ locale, namespace: key.slice(0, dot) as never });
  const error = t(key.slice(dot + 1) as never, { ...fromKey, ...values } as never);
  return Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

function messageOf(error: DomainError): { key: string; values?: Record<string, string | number> } {
  if (error.messageKey) return { key: error.messageKey, values: error.values };
  const field = Object.values(error.fieldErrors ?? {})[0];
  return { key: field ?? `errors.${error.code}` };
}

export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const locale = localeOf(request);
  // Only from a page of this site (docs/decisions/027-same-origin-and-members-only-stream.md).
  if (!mayMutate(request)) return crossSiteRefusal(locale, "json");
  const declared = request.headers.get("content-length");
  if (declared === null || !/^\d{1,15}$/.test(declared)) return refusal(locale, 400, "uploads.lengthRequired");
  const size = Number(declared);
  if (size > VIDEO_MAX_BYTES) return refusal(locale, 413, "uploads.tooLarge", { limit: maxMegabytes("video") });
  try {
    await attachVideoFile({ actor: await getCurrentUser(), id, body: request.body, size, originalName: decodeName(request.headers.get("x-file-name")) });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const { key, values } = messageOf(error);
    return refusal(locale, key === "uploads.tooLarge" ? 413 : STATUS[error.code], key, values);
  }
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}

async function jsonOf(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await request.json();
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const locale = localeOf(request);
  if (!mayMutate(request)) return crossSiteRefusal(locale, "json");
  const body = await jsonOf(request);
  if (!body || (body.step !== "start" && body.step !== "finish")) return refusal(locale, 400, "errors.INVALID_INPUT");
  const noStore = { headers: { "Cache-Control": "no-store" } };
  try {
    const actor = await getCurrentUser();
    if (body.step === "finish") {
      await finishDirectVideoUpload({ actor, input: { id, token: body.token } });
      return Response.json({ ok: true }, noStore);
    }
    const direct = await startDirectVideoUpload({ actor, input: { id, size: body.size, fileName: body.fileName, type: body.type } });
    if (!direct) return Response.json({ target: "local", url: `/api/materials/${encodeURIComponent(id)}/video` }, noStore);
    return Response.json({ target: "direct", method: direct.method, url: direct.url, headers: direct.headers, token: direct.token }, noStore);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const { key, values } = messageOf(error);
    return refusal(locale, key === "uploads.tooLarge" ? 413 : STATUS[error.code], key, values);
  }
}
