import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/lib/i18n/page-locale";
import { Link } from "@/lib/i18n/navigation";
import { RESET_LINK_MINUTES } from "@/lib/users/password-reset-limits";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/sign-in/forgot-password">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "passwordReset" });
  return { title: t("title") };
}

/** Asking for a link to choose a new password (docs/decisions/023-second-factor.md). */
export default async function ForgotPasswordPage({ params }: PageProps<"/[locale]/sign-in/forgot-password">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "passwordReset" });
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro", { minutes: RESET_LINK_MINUTES })}</p>
      <p className="text-slate-700">{t("ssoNote")}</p>
      <ForgotPasswordForm text={{ form: t("title"), email: t("emailLabel"), submit: t("submit"), submitting: t("submitting") }} />
      <p>
        <Link href="/sign-in" className="text-brand-700 underline underline-offset-4">
          {t("backToSignIn")}
        </Link>
      </p>
    </div>
  );
}
