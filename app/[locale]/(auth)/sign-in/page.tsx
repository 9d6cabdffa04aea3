import { pageLocale } from "@/lib/i18n/page-locale";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";

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

export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/sign-in">) {
  const locale = await pageLocale(params);
  const { next } = await searchParams;
  const t = await getTranslations({ locale, namespace: "auth" });
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-3xl font-bold">{t("signInTitle")}</h1>
      <p className="text-slate-700">{t("signInIntro")}</p>
      <SignInForm next={safeNext(locale, next)} />
    </div>
  );
}
