import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AREA_HOME } from "@/lib/auth/area";
import { getCurrentUser } from "@/lib/auth/current-user";
import { pageLocale } from "@/lib/i18n/page-locale";
import { Link } from "@/lib/i18n/navigation";
import { LOCALES } from "@/lib/i18n/routing";
import { NATIVE_NAMES } from "@/lib/i18n/native-names";
import { ownLocale } from "@/lib/users/locale-preference";
import { LanguageForm } from "./language-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/account/language">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "accountLanguage" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** The language the portal writes to the signed-in user in (docs/decisions/042-wcag-22-and-mail-language.md). */
export default async function AccountLanguagePage({ params }: PageProps<"/[locale]/account/language">) {
  const locale = await pageLocale(params);
  const user = await getCurrentUser();
  if (!user) redirect(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/account/language`)}`);
  const t = await getTranslations({ locale, namespace: "accountLanguage" });
  const current = await ownLocale(user.id);
  // Each language named in itself, as the language switcher names it.
  const options = LOCALES.map((l) => ({ value: l, label: NATIVE_NAMES[l] }));
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <p data-testid="mail-language">{current ? t("current", { language: NATIVE_NAMES[current] }) : t("notSet")}</p>
      <LanguageForm
        current={current ?? locale}
        options={options}
        text={{ form: t("title"), label: t("label"), help: t("help"), submit: t("save"), submitting: t("saving") }}
      />
      <p>
        <Link href={AREA_HOME[user.role]} className="text-brand-700 underline underline-offset-4">
          {t("backToArea")}
        </Link>
      </p>
    </div>
  );
}
