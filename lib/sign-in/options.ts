import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientIp } from "@/lib/auth/client-ip";
import { signInSchema } from "@/lib/auth/schema";
import { sessionOptions } from "@/lib/auth/session";
import { authenticate } from "@/lib/auth/sign-in";
import { isDomainError } from "@/lib/errors/domain-error";
import { recordSignInLocale } from "@/lib/users/locale-preference";
import type { Locale } from "@/lib/i18n/routing";
import { encodeSignInRefusal, signInRefusalFor } from "./refusal";
import { signInWithSso, ssoConfig, type SsoConfig } from "./sso";
import { SSO_PROVIDER_ID, ssoRefusalFor } from "./sso-codes";

const credentials = signInSchema;

// next-auth's route: the session as lib/auth/session.ts reads it, and the ways to sign in on
// top (password; the organisation's single sign-on, which may create a member's account).
//
// `locale`: where next-auth sends someone back after a round trip to the single sign-on
// provider (app/api/auth/[...nextauth]/route.ts reads it from the request).
export function authOptions({ locale = "en" }: { locale?: Locale } = {}): NextAuthOptions {
  const sso = ssoConfig();
  const session = sessionOptions({ locale });
  return {
    ...session,
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" }, locale: { type: "text" } },
        async authorize(raw, req) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) return null;
          try {
            const user = await authenticate({ ...parsed.data, ip: clientIp(req.headers ?? {}) });
            // The sign-in form names its page's language: mail is then written in it (docs/decisions/042-wcag-22-and-mail-language.md).
            if (user) await recordSignInLocale(user.id, typeof raw?.locale === "string" ? raw.locale : null);
            return user
              ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, role: user.role, totpEnabledAt: user.totpEnabledAt }
              : null;
          } catch (error) {
            // next-auth passes the message to the client as the error code: the refusal and its wait.
            if (isDomainError(error) && error.code === "RATE_LIMITED") {
              throw new Error(encodeSignInRefusal(signInRefusalFor(error.messageKey, error.retryAfterSeconds ?? 1)));
            }
            throw error;
          }
        },
      }),
      ...(sso ? [ssoProvider(sso)] : []),
    ],
    callbacks: {
      ...session.callbacks,
      async signIn({ user, account, profile }) {
        if (account?.provider !== SSO_PROVIDER_ID) return true;
        try {
          const member = await signInWithSso(profile);
          await recordSignInLocale(member.id, locale);
          // next-auth hands this same object to the jwt callback: from here on it is our
          // account, not the provider's, exactly as after a password sign-in.
          Object.assign(user, {
            id: member.id,
            email: member.email,
            name: member.name,
            sessionVersion: member.sessionVersion,
            role: member.role,
            totpEnabledAt: member.totpEnabledAt,
          });
          return true;
        } catch (error) {
          // next-auth sends the message to the sign-in page as its `error` query value.
          const refusal = isDomainError(error) ? ssoRefusalFor(error.messageKey) : null;
          if (refusal) throw new Error(refusal);
          throw error;
        }
      },
    },
  };
}

/** What the provider says about the person: its ID token's claims, completed by its userinfo endpoint. */
type IdpClaims = { sub: string; email?: string; email_verified?: boolean | string; name?: string } & Record<string, unknown>;

function idTokenClaims(idToken: string | undefined): IdpClaims {
  const payload: unknown = JSON.parse(Buffer.from(idToken?.split(".")[1] ?? "", "base64url").toString("utf8") || "null");
  if (typeof payload !== "object" || payload === null || !("sub" in payload) || typeof payload.sub !== "string") {
    throw new Error("The ID token names no subject");
  }
  return payload as IdpClaims;
}

/**
 * The organisation's OpenID Connect provider (authorization code with PKCE and state; the ID
 * token is verified). Many providers put `email` and `email_verified` only in the userinfo
 * response when the code flow is used, so that is asked too when the ID token lacks them.
 */
function ssoProvider(sso: SsoConfig): OAuthConfig<IdpClaims> {
  return {
    id: SSO_PROVIDER_ID,
    name: sso.name ?? "OpenID Connect",
    type: "oauth",
    wellKnown: `${sso.issuer}/.well-known/openid-configuration`,
    clientId: sso.clientId,
    clientSecret: sso.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    checks: ["pkce", "state"],
    idToken: true,
    userinfo: {
      async request({ tokens, client }) {
        // The ID token was verified (signature, issuer, audience, expiry) by the token exchange.
        const claims = idTokenClaims(tokens.id_token);
        if (claims.email && claims.email_verified !== undefined) return claims;
        if (!tokens.access_token) return claims;
        const info: Record<string, unknown> = await client.userinfo(tokens.access_token);
        // OpenID Connect Core 5.3.2: a userinfo response about someone else is not used.
        if (info.sub !== claims.sub) throw new Error("The userinfo subject is not the ID token's");
        return { ...claims, ...info, sub: claims.sub };
      },
    },
    profile(claims) {
      // Not an account yet: the signIn callback decides and replaces id and version.
      return { id: claims.sub, email: claims.email ?? null, name: claims.name ?? null, sessionVersion: -1 };
    },
  };
}
