import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/lib/i18n/page-locale";
import { Link } from "@/lib/i18n/navigation";
import { usableSetupLink } from "@/lib/users/set-password";
import { USER_LIMITS } from "@/lib/users/schema";
import { SetPasswordForm } from "./set-password-form";

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth" });
  // The token is in this page's address: never send it on to another site as a referrer.
  return { title: t("setPasswordTitle"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

export default async function SetPasswordPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { token } = await params;
  const t = await getTranslations({ locale, namespace: "auth" });
  const link = await usableSetupLink(token);
  const purpose = link?.purpose ?? null;
  const reset = await getTranslations({ locale, namespace: "passwordReset" });
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-3xl font-bold">{t("setPasswordTitle")}</h1>
      {link ? (
        <>
          <p className="text-slate-700">{purpose === "RESET" ? reset("newPasswordIntro") : t("setPasswordIntro")}</p>
          <SetPasswordForm
            token={token}
            email={link.email}
            text={{
              form: t("setPasswordTitle"),
              password: t("newPassword"),
              passwordHelp: t("passwordPolicy", { min: USER_LIMITS.passwordMin, max: USER_LIMITS.passwordMax }),
              confirm: t("confirmPassword"),
              submit: t("setPasswordSubmit"),
              submitting: t("setPasswordSubmitting"),
              signIn: t("goToSignIn"),
            }}
          />
        </>
      ) : (
        <>
          <p role="alert" data-testid="setup-link-invalid" className="rounded border border-rose-300 bg-rose-50 p-3 text-rose-900">
            {t("setupLinkInvalid")}
          </p>
          <p>
            <Link href="/sign-in" className="text-brand-700 underline underline-offset-4">
              {t("goToSignIn")}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
