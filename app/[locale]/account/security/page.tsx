import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EnrolmentKey } from "@/components/second-factor/enrolment-key";
import { ButtonForm, CodeForm, ReauthForm } from "@/components/second-factor/forms";
import { AREA_HOME } from "@/lib/auth/area";
import { getCurrentUser } from "@/lib/auth/current-user";
import { pageLocale } from "@/lib/i18n/page-locale";
import { Link } from "@/lib/i18n/navigation";
import { secondFactorStatus } from "@/lib/second-factor/queries";
import { beginEnrolmentAction, confirmEnrolmentAction, disableSecondFactorAction, regenerateRecoveryCodesAction } from "./actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/account/security">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "secondFactor" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** The signed-in user's own second factor: set it up, turn it off, draw new recovery codes (docs/decisions/023-second-factor.md). */
export default async function AccountSecurityPage({ params, searchParams }: PageProps<"/[locale]/account/security">) {
  const locale = await pageLocale(params);
  const user = await getCurrentUser();
  if (!user) redirect(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/account/security`)}`);
  const status = await secondFactorStatus(user.id);
  if (!status) redirect(`/${locale}/sign-in`);
  const { done } = await searchParams;
  const t = await getTranslations({ locale, namespace: "secondFactor" });
  const back = (
    <p>
      <Link href={AREA_HOME[user.role]} className="text-brand-700 underline underline-offset-4">
        {t("backToArea")}
      </Link>
    </p>
  );
  const codeText = { code: t("appCodeLabel"), codeHelp: t("appCodeHelp"), submitting: t("checking") };
  const recovery = { title: t("recoveryTitle"), intro: t("recoveryIntro") };

  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {done === "disabled" ? (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-950">
          {t("disabled")} {status.required ? t("disableRequiredNote") : null}
        </p>
      ) : null}
      {!status.mayEnrol ? (
        <p data-testid="second-factor-status">{t("notOffered")}</p>
      ) : status.enabled ? (
        <>
          <p data-testid="second-factor-status">{t("statusOn", { count: status.unusedRecoveryCodes })}</p>
          <section className="space-y-3">
            <h2 className="text-xl font-semibold">{t("regenerateTitle")}</h2>
            <p>{t("regenerateIntro")}</p>
            <ReauthForm
              action={regenerateRecoveryCodesAction}
              username={user.email}
              tone="secondary"
              recovery={recovery}
              text={{ form: t("regenerateTitle"), password: t("passwordLabel"), ...codeText, submit: t("regenerate") }}
            />
          </section>
          <section className="space-y-3">
            <h2 className="text-xl font-semibold">{t("disableTitle")}</h2>
            <p>{t("disableIntro")}</p>
            {status.required ? <p>{t("disableRequiredNote")}</p> : null}
            <ReauthForm
              action={disableSecondFactorAction}
              username={user.email}
              tone="danger"
              text={{ form: t("disableTitle"), password: t("passwordLabel"), ...codeText, codeHelp: t("codeHelp"), submit: t("disable") }}
            />
          </section>
        </>
      ) : (
        <>
          <p data-testid="second-factor-status">{t("statusOff")}</p>
          <section className="space-y-3">
            <h2 className="text-xl font-semibold">{t("enrolTitle")}</h2>
            <p>{status.required ? t("enrolRequired") : t("enrolOptional")}</p>
            {status.pending ? (
              <>
                <EnrolmentKey
                  secret={status.pending.secret}
                  uri={status.pending.uri}
                  text={{ scan: t("scanQr"), qrLabel: t("qrLabel"), typeKey: t("typeKey"), key: t("keyLabel"), uri: t("uriLabel") }}
                />
                <p>{t("confirmIntro")}</p>
                <CodeForm action={confirmEnrolmentAction} text={{ form: t("enrolTitle"), ...codeText, submit: t("confirm") }} recovery={recovery} />
              </>
            ) : (
              <ButtonForm action={beginEnrolmentAction} label={t("enrolTitle")} submit={t("begin")} submitting={t("beginning")} />
            )}
          </section>
        </>
      )}
      {back}
    </div>
  );
}
