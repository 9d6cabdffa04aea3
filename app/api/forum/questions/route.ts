import { revalidateTag } from "next/cache";
import { clientIp } from "@/lib/auth/client-ip";
import { TAGS } from "@/lib/cache-tags";
import { isDomainError, type DomainErrorCode } from "@/lib/errors/domain-error";
import { askQuestion } from "@/lib/forum/ask";
import { describeRefusal, localeOr, translator } from "@/lib/forum/messages";

export const dynamic = "force-dynamic";

// A question is a few kilobytes at most (lib/forum/schema.ts); anything far larger is not one.
const MAX_BODY_BYTES = 64 * 1024;

const STATUS: Record<DomainErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

function cookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

/** Anyone asks a candidate a question (JSON body, see askQuestionSchema); answers are translated into `?locale=`. */
export async function POST(request: Request) {
  const locale = localeOr(new URL(request.url).searchParams.get("locale") ?? cookie(request, "NEXT_LOCALE"));
  const t = await translator(locale);
  const declared = Number(request.headers.get("content-length") ?? 0);
  const text = declared > MAX_BODY_BYTES ? null : await request.text();
  if (text === null || Buffer.byteLength(text) > MAX_BODY_BYTES) return json(413, { error: t("errors.INVALID_INPUT") });
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return json(400, { error: t("errors.INVALID_INPUT"), fieldErrors: {} });
  }
  try {
    await askQuestion({ input, client: { ip: clientIp(request.headers) } });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const body = describeRefusal(t, error);
    if (error.code === "INVALID_INPUT") return json(400, { fieldErrors: {}, ...body });
    const retry = error.code === "RATE_LIMITED" && error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : undefined;
    return json(STATUS[error.code], body, retry);
  }
  // "Received" is one of the public counts: the forum's page and its post's comparison change.
  const candidateId = String((input as { candidateId?: unknown }).candidateId ?? "").trim();
  revalidateTag(TAGS.forum(candidateId), "max");
  revalidateTag(TAGS.forums, "max");
  return json(201, { ok: true });
}
