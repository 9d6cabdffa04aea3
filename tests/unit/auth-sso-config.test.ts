import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { localeOfAuthRequest, ssoMessageKey, ssoRefusalFor, SSO_REFUSALS } from "@/lib/sign-in/sso-codes";

// Members' single sign-on (docs/decisions/010-member-sso.md): its configuration and the codes the sign-in page shows.

const BASE = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/hustings" };
const OIDC = { OIDC_ISSUER: "https://idp.example.org/realms/itu", OIDC_CLIENT_ID: "hustings", OIDC_CLIENT_SECRET: "s3cret" };

function issuesOf(source: Record<string, string | undefined>): string[] {
  const result = parseEnv(source);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("OIDC_* environment", () => {
  it("is optional: with none of it, nothing about single sign-on is configured", () => {
    const result = parseEnv(BASE);
    expect(result.success && [result.data.OIDC_ISSUER, result.data.OIDC_CLIENT_ID, result.data.OIDC_CLIENT_SECRET, result.data.OIDC_NAME]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("accepts the three together, with or without a name for the button", () => {
    expect(issuesOf({ ...BASE, ...OIDC })).toEqual([]);
    expect(issuesOf({ ...BASE, ...OIDC, OIDC_NAME: "ITU Sign-On" })).toEqual([]);
  });

  it.each(["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const)("is all or nothing: refuses the others without %s", (missing) => {
    expect(issuesOf({ ...BASE, ...OIDC, [missing]: undefined })).toEqual([
      "OIDC_ISSUER: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set together or not at all",
    ]);
  });

  it("refuses a name without a provider", () => {
    expect(issuesOf({ ...BASE, OIDC_NAME: "ITU Sign-On" })).toEqual(["OIDC_NAME: is used only with OIDC_ISSUER"]);
  });

  it.each(["http://localhost:3199", "http://127.0.0.1:3199", "http://[::1]:3199", "https://login.example.org/tenant/v2.0"])(
    "accepts the issuer %s",
    (issuer) => {
      expect(issuesOf({ ...BASE, ...OIDC, OIDC_ISSUER: issuer })).toEqual([]);
    },
  );

  it.each([
    ["plain http to another machine", "http://idp.example.org"],
    ["a query", "https://idp.example.org/?tenant=1"],
    ["a fragment", "https://idp.example.org/#x"],
  ])("refuses an issuer with %s", (_case, issuer) => {
    expect(issuesOf({ ...BASE, ...OIDC, OIDC_ISSUER: issuer })).toEqual([
      "OIDC_ISSUER: must be https (http only for localhost, in tests), with no query or fragment",
    ]);
  });

  it("refuses an issuer that is not a web address at all", () => {
    expect(issuesOf({ ...BASE, ...OIDC, OIDC_ISSUER: "ftp://idp.example.org" })).toHaveLength(1);
    expect(issuesOf({ ...BASE, ...OIDC, OIDC_ISSUER: "idp.example.org" })).toHaveLength(1);
  });
});

describe("the sign-in page's messages for single sign-on", () => {
  it.each(Object.entries(SSO_REFUSALS))("shows the refusal %s as auth.%s", (code, key) => {
    expect(ssoMessageKey(code)).toBe(key);
    expect(ssoRefusalFor(`auth.${key}`)).toBe(code);
  });

  it.each(["OAuthCallback", "OAuthSignin", "Callback", "AccessDenied"])("shows next-auth's %s as a failed round trip", (code) => {
    expect(ssoMessageKey(code)).toBe("ssoFailed");
  });

  it.each([undefined, "", "toString", "__proto__", "SomethingElse", ["SsoStaffAccount"]])("shows nothing for %j", (value) => {
    expect(ssoMessageKey(value)).toBeNull();
  });

  it("maps no other message key to a refusal", () => {
    expect(ssoRefusalFor("auth.wrongCredentials")).toBeNull();
    expect(ssoRefusalFor(undefined)).toBeNull();
  });
});

describe("the language after a round trip to the provider", () => {
  const cookie = (name: string, url: string) => `a=1; ${name}=${encodeURIComponent(url)}; b=2`;

  it("is the one of the address the sign-in button asked to return to", () => {
    expect(localeOfAuthRequest(cookie("next-auth.callback-url", "http://127.0.0.1:3100/ar/go"))).toBe("ar");
    expect(localeOfAuthRequest(cookie("__Secure-next-auth.callback-url", "https://hustings.example.org/zh/member"))).toBe("zh");
  });

  it.each([
    ["no cookie", null],
    ["no callback cookie", "a=1; b=2"],
    ["a callback to the site's root", cookie("next-auth.callback-url", "http://127.0.0.1:3100")],
    ["an unknown language", cookie("next-auth.callback-url", "http://127.0.0.1:3100/de/go")],
    ["a malformed cookie", "next-auth.callback-url=%E0%A4%A"],
    ["a look-alike cookie name", cookie("x-next-auth.callback-url", "http://127.0.0.1:3100/fr/go")],
  ])("is English with %s", (_case, header) => {
    expect(localeOfAuthRequest(header)).toBe("en");
  });
});
