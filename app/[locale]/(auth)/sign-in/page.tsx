import { pageLocale } from "@/lib/i18n/page-locale";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoButton } from "@/components/auth/sso-button";
import { AREA_HOME } from "@/lib/auth/area";
import { getCurrentUser } from "@/lib/auth/current-user";
import { readSessionCookie } from "@/lib/auth/user-session";
import { Link } from "@/lib/i18n/navigation";
import { ssoConfig } from "@/lib/sign-in/sso";
import { ssoMessageKey } from "@/lib/sign-in/sso-codes";

export async function generateMetadata({ params }: PageProps<"/[locale]/sign-in">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("signInTitle") };
}

/** Only same-site paths under a locale are followed after sign-in (no open redirect). */
function safeNext(locale: string, next: string | string[] | undefined): string {
  const value = typeof next === "string" ? next : "";
  return /^\/[a-z]{2}\/[A-Za-z0-9/_-]*$/.test(value) && !value.startsWith("//") ? value : `/${locale}/go`;
}

/** The path of an absolute address on any origin; safeNext then keeps it only if it is one of ours. */
function sameOriginPath(value: string | string[] | undefined): string | undefined {
  if (typeof value !== "string") return undefined;
  try {
    return new URL(value, "http://n").pathname;
  } catch {
    return undefined;
  }
}

export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/sign-in">) {
  const locale = await pageLocale(params);
  const { next, callbackUrl, error } = await searchParams;
  // A signed-in user has nothing to do here: they go to their area.
  const user = await getCurrentUser();
  if (user) redirect(`/${locale}${AREA_HOME[user.role]}`);
  // next-auth names the way back `callbackUrl` when it returns here from the provider.
  const target = safeNext(locale, next ?? sameOriginPath(callbackUrl));
  // A password accepted, the second factor not yet given: that step comes first (docs/decisions/023-second-factor.md).
  if ((await readSessionCookie())?.pendingSecondFactor) redirect(`/${locale}/sign-in/second-factor?next=${encodeURIComponent(target)}`);
  const t = await getTranslations({ locale, namespace: "auth" });
  const reset = await getTranslations({ locale, namespace: "passwordReset" });
  // Members' single sign-on (docs/decisions/010): nothing of it shows unless it is configured.
  const sso = ssoConfig();
  const ssoError = sso ? ssoMessageKey(error) : null;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-3xl font-bold">{t("signInTitle")}</h1>
      <p className="text-slate-700">{t("signInIntro")}</p>
      {ssoError ? (
        <p role="alert" data-testid="sso-error" className="rounded border border-rose-300 bg-rose-50 p-3 text-rose-900">
          {t(ssoError)}
        </p>
      ) : null}
      {sso ? (
        <section className="space-y-3">
          <p className="text-slate-700">{t("ssoForMembers")}</p>
          <SsoButton providerName={sso.name} next={target} />
          <h2 className="pt-2 text-lg font-semibold">{t("ssoPasswordHeading")}</h2>
        </section>
      ) : null}
      <SignInForm next={target} />
      <p>
        <Link href="/sign-in/forgot-password" className="text-brand-700 underline underline-offset-4">
          {reset("link")}
        </Link>
      </p>
    </div>
  );
}
