import NextAuth from "next-auth";
import { authOptions } from "@/lib/sign-in/options";
import { withRetryAfter } from "@/lib/sign-in/refusal-response";
import { localeOfAuthRequest } from "@/lib/sign-in/sso-codes";

async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  // Back from the single sign-on provider, a refusal is shown in the language the user left in.
  const response: Response = await NextAuth(authOptions({ locale: localeOfAuthRequest(req.headers.get("cookie")) }))(req, ctx);
  // A password sign-in told to wait says so with 429 and Retry-After (docs/decisions/022-sessions-and-sign-in-limits.md).
  return req.method === "POST" ? withRetryAfter(response) : response;
}

export { handler as GET, handler as POST };
