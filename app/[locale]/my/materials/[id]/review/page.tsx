import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { workspacePage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SubmitButton, TextAreaField } from "@/components/forms/fields";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getOwnMaterialReviews } from "@/lib/ethics/ethics-queries";
import { languageName } from "@/lib/ethics/language-name";
import { requestRefusal } from "@/lib/ethics/rules";
import { ETHICS_LIMITS } from "@/lib/ethics/schema";
import { isDomainError } from "@/lib/errors/domain-error";
import { formatInstant } from "@/lib/time/format";
import { requestReviewAction } from "./actions";

async function load(user: CurrentUser, id: string) {
  try {
    return await getOwnMaterialReviews(user, id);
  } catch (error) {
    // Another candidate's material, like a missing one, is not found (its existence is not revealed).
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default workspacePage<{ id: string }>("/my", async ({ user, locale, params }) => {
  const t = await getTranslations({ locale, namespace: "ethicsRequest" });
  const m = await load(user, params.id);
  const zone = m.candidate.conference.timeZone;
  const refusal = requestRefusal(m, m.ethicsReviews);

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title", { title: m.title })}</h1>
        <p>{t("confidential")}</p>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("kindLabel")}</dt>
          <dd>{t(`kind.${m.kind}`)}</dd>
          <dt className="font-semibold">{t("languageLabel")}</dt>
          <dd>{languageName(locale, m.language)}</dd>
          <dt className="font-semibold">{t("stateLabel")}</dt>
          <dd>{t(`state.${m.state}`)}</dd>
        </dl>
      </div>

      <section aria-labelledby="request" className="space-y-4">
        <h2 id="request" className="text-2xl font-semibold">
          {t("requestHeading")}
        </h2>
        {refusal === "notDraft" ? (
          <p data-testid="request-closed">{t(refusal)}</p>
        ) : (
          // The form stays after sending, so that its confirmation is still announced once the page shows the request.
          <ActionForm action={requestReviewAction} label={t("requestHeading")} className="grid max-w-2xl gap-4">
            {refusal === "alreadyPending" ? (
              <p data-testid="request-closed">{t(refusal)}</p>
            ) : (
              <>
                <HiddenField name="materialId" value={m.id} />
                <TextAreaField name="question" label={t("question")} description={t("questionHelp")} required maxLength={ETHICS_LIMITS.question} rows={5} />
                <div>
                  <SubmitButton pendingLabel={t("sending")}>{t("send")}</SubmitButton>
                </div>
              </>
            )}
          </ActionForm>
        )}
      </section>

      <section aria-labelledby="history" className="space-y-4">
        <h2 id="history" className="text-2xl font-semibold">
          {t("historyHeading")}
        </h2>
        {m.ethicsReviews.length === 0 ? (
          <p>{t("noRequests")}</p>
        ) : (
          <ol className="space-y-4" data-testid="review-history">
            {m.ethicsReviews.map((r) => (
              <li key={r.id} className="rounded border border-slate-300 p-4">
                <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
                  <dt className="font-semibold">{t("requestedAt")}</dt>
                  <dd>{formatInstant(locale, r.requestedAt, zone)}</dd>
                  <dt className="font-semibold">{t("question")}</dt>
                  <dd dir="auto" className="whitespace-pre-wrap">
                    {r.question}
                  </dd>
                  <dt className="font-semibold">{t("statusLabel")}</dt>
                  <dd>{t(`status.${r.status}`)}</dd>
                  {r.answeredAt ? (
                    <>
                      <dt className="font-semibold">{t("answeredAt")}</dt>
                      <dd>{formatInstant(locale, r.answeredAt, zone)}</dd>
                    </>
                  ) : null}
                  {r.answer ? (
                    <>
                      <dt className="font-semibold">{t("advice")}</dt>
                      <dd dir="auto" className="whitespace-pre-wrap">
                        {r.answer}
                      </dd>
                    </>
                  ) : null}
                </dl>
              </li>
            ))}
          </ol>
        )}
      </section>
      <p className="text-sm text-slate-700">{t("notPublished")}</p>
    </div>
  );
});
