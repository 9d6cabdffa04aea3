import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EnrolmentKey } from "@/components/second-factor/enrolment-key";
import { ButtonForm, CodeForm } from "@/components/second-factor/forms";
import { getCurrentUser } from "@/lib/auth/current-user";
import { pageLocale } from "@/lib/i18n/page-locale";
import { Link } from "@/lib/i18n/navigation";
import { pendingSession } from "@/lib/second-factor/pending";
import { secondFactorStatus } from "@/lib/second-factor/queries";
import { beginEnrolmentAtSignInAction, completeSignInAction, enrolAtSignInAction } from "./actions";
import { afterSignInPath } from "./next-path";

export async function generateMetadata({ params }: PageProps<"/[locale]/sign-in/second-factor">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "secondFactor" });
  return { title: t("signInTitle"), robots: { index: false, follow: false } };
}

/**
 * The sign-in's second step (docs/decisions/023-second-factor.md): a session opened by the
 * password waits here for the account's code, or, for a role that requires the factor and
 * has none yet, for its enrolment, before anything else.
 */
export default async function SecondFactorPage({ params, searchParams }: PageProps<"/[locale]/sign-in/second-factor">) {
  const locale = await pageLocale(params);
  const { next } = await searchParams;
  const nextPath = afterSignInPath(typeof next === "string" ? next : undefined);
  const session = await pendingSession();
  if (!session) {
    // Nothing pending: signed in already (go on), or not at all (sign in first).
    const user = await getCurrentUser();
    redirect(user ? `/${locale}${nextPath}` : `/${locale}/sign-in`);
  }
  const status = await secondFactorStatus(session.userId);
  if (!status) redirect(`/${locale}/sign-in`);
  const t = await getTranslations({ locale, namespace: "secondFactor" });
  const fullNext = `/${locale}${nextPath}`;
  const cancel = (
    <p>
      <Link href="/sign-out" className="text-brand-700 underline underline-offset-4">
        {t("cancel")}
      </Link>
    </p>
  );

  if (status.enabled) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-3xl font-bold">{t("signInTitle")}</h1>
        <p className="text-slate-700">{t("signInIntro")}</p>
        <CodeForm
          action={completeSignInAction}
          next={fullNext}
          text={{ form: t("signInTitle"), code: t("codeLabel"), codeHelp: t("codeHelp"), submit: t("continue"), submitting: t("checking") }}
        />
        {cancel}
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">{t("enrolTitle")}</h1>
      <p className="text-slate-700">{status.required ? t("enrolRequired") : t("enrolOptional")}</p>
      {status.pending ? (
        <>
          <EnrolmentKey
            secret={status.pending.secret}
            uri={status.pending.uri}
            text={{ scan: t("scanQr"), qrLabel: t("qrLabel"), typeKey: t("typeKey"), key: t("keyLabel"), uri: t("uriLabel") }}
          />
          <p>{t("confirmIntro")}</p>
          <CodeForm
            action={enrolAtSignInAction}
            text={{ form: t("enrolTitle"), code: t("appCodeLabel"), codeHelp: t("appCodeHelp"), submit: t("confirm"), submitting: t("checking") }}
            recovery={{ title: t("recoveryTitle"), intro: t("recoveryIntro") }}
            after={
              <p className="mt-3">
                <a href={fullNext} data-testid="continue-after-enrolment" className="font-medium text-brand-700 underline underline-offset-4">
                  {t("continue")}
                </a>
              </p>
            }
          />
        </>
      ) : (
        <ButtonForm action={beginEnrolmentAtSignInAction} next={fullNext} label={t("enrolTitle")} submit={t("begin")} submitting={t("beginning")} />
      )}
      {cancel}
    </div>
  );
}
