import "server-only";
import { parseSignInRefusal } from "./refusal";

/**
 * next-auth answers every refused password sign-in alike (401, the error in a URL). A refusal
 * that asks the client to wait becomes 429 with `Retry-After`, the seconds to wait, so that a
 * script sees it as HTTP says (docs/decisions/022-sessions-and-sign-in-limits.md). Only the
 * JSON answer the sign-in form asks for is changed; a redirect stays a redirect.
 */
export async function withRetryAfter(response: Response): Promise<Response> {
  if (response.headers.get("location") || !response.headers.get("content-type")?.includes("application/json")) return response;
  let url: unknown;
  try {
    url = (JSON.parse(await response.clone().text()) as { url?: unknown }).url;
  } catch {
    return response;
  }
  if (typeof url !== "string") return response;
  let error: string | null;
  try {
    error = new URL(url, "http://localhost").searchParams.get("error");
  } catch {
    return response;
  }
  const refusal = parseSignInRefusal(error);
  if (!refusal) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", String(refusal.seconds));
  return new Response(response.body, { status: 429, headers });
}
