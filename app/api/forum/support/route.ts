import { revalidateTag } from "next/cache";
import { honeypotFilled } from "@/lib/abuse/honeypot";
import { clientIp } from "@/lib/auth/client-ip";
import { TAGS } from "@/lib/cache-tags";
import { env } from "@/lib/env";
import { isDomainError } from "@/lib/errors/domain-error";
import { classifyInfrastructureError } from "@/lib/errors/infrastructure";
import { logInfrastructureFailure } from "@/lib/errors/log-infrastructure";
import { newBrowserKey, supportQuestion } from "@/lib/forum/support";
import { isBrowserKey, SUPPORTER_COOKIE, SUPPORTER_COOKIE_MAX_AGE, SUPPORTER_COOKIE_PATH, type SupportResult } from "@/lib/forum/support-rules";
import { crossSiteRefusal } from "@/lib/http/cross-site-refusal";
import { readBoundedText, requestLocale } from "@/lib/http/json-route";
import { mayMutate } from "@/lib/http/same-origin";

export const dynamic = "force-dynamic";

// A visitor supports a published forum question (docs/decisions/049-forum-support-and-follow.md):
// a plain form posted from the forum's page, which works without script. The answer is a 303
// to the support page (app/[locale]/support/[questionId]), rendered per request and never
// cached, which shows the outcome and the new count. The browser's key is a cookie scoped to
// this route: the public pages never receive it and stay cacheable for every visitor.

/** A question id and the hidden field: far below this. */
const MAX_BODY_BYTES = 4 * 1024;

function cookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return null;
}

function outcomeRedirect(
  request: Request,
  locale: string,
  questionId: string,
  result: SupportResult,
  extra: { minutes?: number; setKey?: string } = {},
): Response {
  const search = new URLSearchParams({ result });
  if (extra.minutes) search.set("minutes", String(extra.minutes));
  const id = /^[a-z0-9][a-z0-9-]{19,39}$/.test(questionId) ? questionId : "unknown";
  // A path: the browser stays on the site it posted to.
  const headers = new Headers({ Location: `/${locale}/support/${id}?${search}`, "Cache-Control": "no-store" });
  if (extra.setKey) {
    const secure = (env().NEXTAUTH_URL ?? request.url).startsWith("https:") ? "; Secure" : "";
    headers.append(
      "Set-Cookie",
      `${SUPPORTER_COOKIE}=${extra.setKey}; Path=${SUPPORTER_COOKIE_PATH}; Max-Age=${SUPPORTER_COOKIE_MAX_AGE}; HttpOnly; SameSite=Strict${secure}`,
    );
  }
  return new Response(null, { status: 303, headers });
}

export async function POST(request: Request) {
  const locale = requestLocale(request);
  if (!mayMutate(request)) return crossSiteRefusal(locale, "text");
  const text = await readBoundedText(request, MAX_BODY_BYTES);
  const form = new URLSearchParams(text ?? "");
  const questionId = form.get("questionId")?.trim() ?? "";
  const held = cookie(request, SUPPORTER_COOKIE);
  const browserKey = isBrowserKey(held) ? held : newBrowserKey();
  const setKey = browserKey === held ? undefined : browserKey;
  if (text === null) return outcomeRedirect(request, locale, questionId, "unavailable", { setKey });
  // A robot that filled the hidden field is told what a person is told, and nothing is kept.
  if (honeypotFilled(Object.fromEntries(form))) return outcomeRedirect(request, locale, questionId, "supported", { setKey });
  try {
    const outcome = await supportQuestion({ questionId, browserKey, client: { ip: clientIp(request.headers) } });
    // The forum's pages show the count: expired at once (docs/cache.md), so the next visitor sees it.
    revalidateTag(TAGS.forum(outcome.candidateId), { expire: 0 });
    return outcomeRedirect(request, locale, questionId, "supported", { setKey });
  } catch (error) {
    if (isDomainError(error)) {
      if (error.code === "RATE_LIMITED")
        return outcomeRedirect(request, locale, questionId, "limited", { minutes: Math.ceil((error.retryAfterSeconds ?? 60) / 60), setKey });
      if (error.messageKey === "forumSupport.refused.already") return outcomeRedirect(request, locale, questionId, "already", { setKey });
      if (error.code === "CONFLICT") return outcomeRedirect(request, locale, questionId, "closed", { setKey });
      return outcomeRedirect(request, locale, questionId, "unavailable", { setKey });
    }
    const failure = classifyInfrastructureError(error);
    if (!failure) throw error;
    logInfrastructureFailure(failure, error);
    return outcomeRedirect(request, locale, questionId, "busy", { setKey });
  }
}
