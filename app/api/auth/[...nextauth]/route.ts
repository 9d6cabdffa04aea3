import NextAuth from "next-auth";
import { authOptions } from "@/lib/sign-in/options";
import { localeOfAuthRequest } from "@/lib/sign-in/sso-codes";

function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  // Back from the single sign-on provider, a refusal is shown in the language the user left in.
  return NextAuth(authOptions({ locale: localeOfAuthRequest(req.headers.get("cookie")) }))(req, ctx);
}

export { handler as GET, handler as POST };
