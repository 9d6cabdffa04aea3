import { revalidateTag } from "next/cache";
import { clientIp } from "@/lib/auth/client-ip";
import { TAGS } from "@/lib/cache-tags";
import { askQuestion } from "@/lib/forum/ask";
import { followPath } from "@/lib/forum/follow-token";
import { forumTranslator } from "@/lib/forum/messages";
import { json, readJsonBody, refusalResponse, requestLocale } from "@/lib/http/json-route";

export const dynamic = "force-dynamic";

// A question is a few kilobytes at most (lib/forum/schema.ts); anything far larger is not one.
const MAX_BODY_BYTES = 64 * 1024;

/** Anyone asks a candidate a question (JSON body, see askQuestionSchema); answers are translated into `?locale=`. */
export async function POST(request: Request) {
  const locale = requestLocale(request);
  const t = await forumTranslator(locale);
  const body = await readJsonBody(request, t, MAX_BODY_BYTES);
  if ("refusal" in body) return body.refusal;
  const { input } = body;
  let followToken: string;
  try {
    ({ followToken } = await askQuestion({ input, client: { ip: clientIp(request.headers), locale } }));
  } catch (error) {
    return refusalResponse(t, error);
  }
  // "Received" is one of the public counts: the forum's page and its post's comparison change.
  // Expired at once, as updateTag does in server actions (docs/cache.md): "max" would show the
  // asker the old count once more.
  const candidateId = String((input as { candidateId?: unknown }).candidateId ?? "").trim();
  revalidateTag(TAGS.forum(candidateId), { expire: 0 });
  revalidateTag(TAGS.forums, { expire: 0 });
  // The asker's private link, shown once by the form (docs/decisions/049-forum-support-and-follow.md); the answer is never cached (json()).
  return json(201, { ok: true, follow: `/${locale}${followPath(followToken)}` });
}
