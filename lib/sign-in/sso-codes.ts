// Members' single sign-on (docs/decisions/010): what the sign-in page and next-auth's route
// share. No server-only imports: the page and the route both read it.
import { isLocale, type Locale } from "@/lib/i18n/routing";

/** next-auth's id for the organisation's OpenID Connect provider (its callback is /api/auth/callback/oidc). */
export const SSO_PROVIDER_ID = "oidc";

/**
 * A refused single sign-on travels to the sign-in page as next-auth's `error` query value;
 * each has its message in the "auth" namespace.
 */
export const SSO_REFUSALS = {
  SsoEmailUnverified: "ssoEmailUnverified",
  SsoStaffAccount: "ssoStaffAccount",
  SsoAccountDisabled: "ssoAccountDisabled",
} as const;
export type SsoRefusal = keyof typeof SSO_REFUSALS;
export type SsoMessageKey = (typeof SSO_REFUSALS)[SsoRefusal] | "ssoFailed";

/** next-auth's own codes for a round trip to the provider that went wrong (cancelled, state mismatch, provider down …). */
const FLOW_FAILURES: ReadonlySet<string> = new Set([
  "OAuthSignin",
  "OAuthCallback",
  "OAuthCreateAccount",
  "OAuthAccountNotLinked",
  "Callback",
  "AccessDenied",
  "Configuration",
  "Signin",
]);

/** The refusal whose message is `auth.<key>`, if it is one. */
export function ssoRefusalFor(messageKey: string | undefined): SsoRefusal | null {
  const entry = Object.entries(SSO_REFUSALS).find(([, key]) => `auth.${key}` === messageKey);
  return entry ? (entry[0] as SsoRefusal) : null;
}

/** The message for the sign-in page's `error` query, or null when it names nothing we know. */
export function ssoMessageKey(error: string | string[] | undefined): SsoMessageKey | null {
  if (typeof error !== "string") return null;
  if (Object.hasOwn(SSO_REFUSALS, error)) return SSO_REFUSALS[error as SsoRefusal];
  return FLOW_FAILURES.has(error) ? "ssoFailed" : null;
}

const CALLBACK_COOKIES = ["__Secure-next-auth.callback-url", "next-auth.callback-url"];

/**
 * The language to send a user back to after a round trip to the provider: the sign-in button
 * names `/<locale>/…` as next-auth's callback address, which next-auth keeps in a cookie.
 */
export function localeOfAuthRequest(cookieHeader: string | null): Locale {
  for (const part of (cookieHeader ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at < 0 || !CALLBACK_COOKIES.includes(part.slice(0, at).trim())) continue;
    try {
      const [, first] = new URL(decodeURIComponent(part.slice(at + 1).trim()), "http://n").pathname.split("/");
      if (first && isLocale(first)) return first;
    } catch {
      // A malformed cookie names no language.
    }
  }
  return "en";
}
