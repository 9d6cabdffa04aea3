import createMiddleware from "next-intl/middleware";
import { NextRequest, type NextResponse } from "next/server";
import { routing } from "@/lib/i18n/routing";
import { crossSiteRefusal } from "@/lib/http/cross-site-refusal";
import { mayMutate } from "@/lib/http/same-origin";
import { noncePolicy } from "@/lib/security/headers";
import { oversizeBodyRefusal } from "@/lib/uploads/body-limit";

const intl = createMiddleware(routing);

// Pages that render per request get a nonce-based policy (docs/decisions/005). Access is
// never decided here: every page and service checks the caller itself (docs/conventions.md#authorise-where-the-data-is-touched).
// "follow" and "support" are a visitor's own (docs/decisions/049-forum-support-and-follow.md): private, never cached.
const PER_REQUEST_SECTIONS = new Set(["admin", "chair", "my", "ethics", "member", "sign-in", "sign-out", "go", "set-password", "account", "follow", "support"]);

function rendersPerRequest(pathname: string): boolean {
  const [, maybeLocale, section] = pathname.split("/");
  return Boolean(maybeLocale && section && PER_REQUEST_SECTIONS.has(section));
}

export default async function proxy(request: NextRequest): Promise<NextResponse | Response> {
  // A server action (or a form posted without script) only from a page of this site: a 403
  // in the page's language before Next reads the body, where Next itself would answer a
  // foreign Origin with a 500 and a missing one not at all. formAction checks it again where
  // the change is made (docs/decisions/027-same-origin-and-members-only-stream.md).
  if (!mayMutate(request)) return crossSiteRefusal(request.nextUrl.pathname.split("/")[1], "text");
  // A body larger than any form may send: a 413 in the page's language, never handed to the action (lib/uploads/body-limit.ts).
  const oversize = oversizeBodyRefusal(request, request.nextUrl.pathname.split("/")[1]);
  if (oversize) return await oversize;
  if (!rendersPerRequest(request.nextUrl.pathname)) return intl(request);

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = noncePolicy(nonce, process.env.NODE_ENV === "production");
  const headers = new Headers(request.headers);
  // Next reads the nonce from the request's policy and puts it on its own scripts.
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  const response = intl(new NextRequest(request, { headers }));
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

export const config = {
  // Everything but API routes, Next's own files and files with an extension.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
