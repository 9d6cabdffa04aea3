import type { RateLimit } from "@/lib/abuse/rate-limit";
import type { ForumQuestionStatus } from "@/lib/db/generated/enums";

// What "once" means for a visitor's support of a forum question, and who may be supported
// (docs/decisions/049-forum-support-and-follow.md). Pure: the service (lib/forum/support.ts)
// applies it inside its transaction, the unit tests read it directly.

/**
 * One support per question per browser (a random key in a cookie scoped to the support
 * route), and, behind one address, a pace rather than a single support: a delegation or a
 * whole venue shares one address, so one delegate's support must not refuse the next one's,
 * while whoever clears their cookies to support again meets these ceilings.
 * - Per address and question: 10 in 10 minutes and 100 a day. A room of delegates reading the
 *   same question gets through within minutes; one person clearing cookies adds at most this.
 * - Per address, all questions: 60 in 10 minutes, a flood ceiling.
 */
export const SUPPORT_RATE_LIMITS = {
  perAddressQuestion: { max: 10, windowMs: 10 * 60_000 },
  perAddressQuestionDay: { max: 100, windowMs: 24 * 60 * 60_000 },
  perAddress: { max: 60, windowMs: 10 * 60_000 },
} as const satisfies Record<string, RateLimit>;

/** The browser's support key: a cookie only the support route receives, so public pages stay cacheable for every visitor. */
export const SUPPORTER_COOKIE = "hustings_supporter";
export const SUPPORTER_COOKIE_PATH = "/api/forum/support";
/** Browsers keep a cookie at most 400 days. */
export const SUPPORTER_COOKIE_MAX_AGE = 400 * 24 * 60 * 60;

/** A key this site made: 32 random bytes in base64url (43 characters). */
const BROWSER_KEY = /^[A-Za-z0-9_-]{43}$/;

export function isBrowserKey(value: string | null | undefined): value is string {
  return typeof value === "string" && BROWSER_KEY.test(value);
}

/**
 * Why a question cannot be supported, as a message key, or null when it can: only a question
 * the public sees on the forum (published, not withdrawn, hidden or declined), while its forum
 * takes questions (a withdrawn candidature's, a closed conference's or an opened conference's
 * forum is closed: its counts stay as they were, docs/domain.md#forum).
 */
export function supportRefusal(
  question: { status: ForumQuestionStatus; publishedAt: Date | null } | null,
  window: { open: true } | { open: false; reasonKey: string },
): string | null {
  if (!question || question.status !== "PUBLISHED" || question.publishedAt === null) return "forumSupport.refused.unavailable";
  if (!window.open) return window.reasonKey;
  return null;
}

/** The outcomes the support page (app/[locale]/support/[questionId]) says, passed in its address. */
export const SUPPORT_RESULTS = ["supported", "already", "limited", "closed", "unavailable", "busy"] as const;
export type SupportResult = (typeof SUPPORT_RESULTS)[number];

export function supportResultOf(value: unknown): SupportResult | null {
  return typeof value === "string" && (SUPPORT_RESULTS as readonly string[]).includes(value) ? (value as SupportResult) : null;
}
