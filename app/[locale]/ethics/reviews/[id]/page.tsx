import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ethicsPage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SelectField, SubmitButton, TextAreaField } from "@/components/forms/fields";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getReviewForOffice } from "@/lib/ethics/ethics-queries";
import { languageName } from "@/lib/ethics/language-name";
import { ETHICS_LIMITS } from "@/lib/ethics/schema";
import { isDomainError } from "@/lib/errors/domain-error";
import { Link } from "@/lib/i18n/navigation";
import { formatInstant } from "@/lib/time/format";
import { answerReviewAction } from "../../actions";
import { VideoPlayer } from "@/components/video/video-player";
import { videoPlayback } from "@/lib/materials/video-playback";
import { playableHere } from "@/lib/materials/media-address";

async function load(user: CurrentUser, id: string) {
  try {
    return await getReviewForOffice(user, id);
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/** Only a web address is made a link; anything else is shown as text. */
function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export default ethicsPage<{ id: string }>("/ethics", async ({ user, locale, params }) => {
  const t = await getTranslations({ locale, namespace: "ethicsOffice" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const confirm = await getTranslations({ locale, namespace: "confirm" });
  const r = await load(user, params.id);
  const m = r.material;
  const video = playableHere(videoPlayback(m));
  const zone = r.candidate.conference.timeZone;

  return (
    <div className="space-y-10">
      <p>
        <Link href="/ethics" className="underline">
          {t("backToQueue")}
        </Link>
      </p>
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("reviewTitle", { title: m.title })}</h1>
        <p>{t("confidential")}</p>
      </div>

      <section aria-labelledby="draft" className="space-y-4">
        <h2 id="draft" className="text-2xl font-semibold">
          {t("draftHeading")}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("candidate")}</dt>
          <dd>{r.candidate.name}</dd>
          <dt className="font-semibold">{t("titleLabel")}</dt>
          <dd dir="auto">{m.title}</dd>
          <dt className="font-semibold">{t("kindLabel")}</dt>
          <dd>{t(`kind.${m.kind}`)}</dd>
          <dt className="font-semibold">{t("languageLabel")}</dt>
          <dd>{languageName(locale, m.language)}</dd>
          <dt className="font-semibold">{t("requestedAt")}</dt>
          <dd>{formatInstant(locale, r.requestedAt, zone)}</dd>
        </dl>
        {m.body ? (
          <div data-testid="draft-body" dir="auto" className="whitespace-pre-wrap rounded border border-slate-300 p-4">
            {m.body}
          </div>
        ) : null}
        {m.url ? (
          <p>
            {t("linkLabel")}{" "}
            {isWebAddress(m.url) ? (
              <a href={m.url} rel="noopener noreferrer nofollow" target="_blank" className="underline break-all">
                {m.url}
              </a>
            ) : (
              <span className="break-all">{m.url}</span>
            )}
          </p>
        ) : null}
        {video ? <VideoPlayer playback={video} title={m.title} /> : null}
        {m.fileKey ? (
          <p>
            <a href={`/api/files/${encodeURIComponent(m.fileKey)}`} className="underline">
              {t("openFile", { name: m.fileName ?? m.fileKey })}
            </a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="question" className="space-y-2">
        <h2 id="question" className="text-2xl font-semibold">
          {t("questionHeading")}
        </h2>
        <p data-testid="review-question" dir="auto" className="whitespace-pre-wrap">
          {r.question}
        </p>
      </section>

      <section aria-labelledby="answer" className="space-y-4">
        <h2 id="answer" className="text-2xl font-semibold">
          {t("answerHeading")}
        </h2>
        {/* The form stays once answered, so that its confirmation is still announced beside the answer. */}
        <ActionForm action={answerReviewAction} label={t("answerHeading")} className="grid max-w-2xl gap-4">
          {r.status === "PENDING" ? (
            <>
              <p className="text-sm text-slate-700">{admin("requiredLegend")}</p>
              <HiddenField name="reviewId" value={r.id} />
              <SelectField
                name="outcome"
                label={t("outcome")}
                required
                // No outcome is preselected: clearing a draft must be a choice, not a default.
                placeholder={confirm("choose")}
                options={[
                  { value: "CLEARED", label: t("status.CLEARED") },
                  { value: "ADVICE", label: t("status.ADVICE") },
                ]}
              />
              <TextAreaField name="comment" label={t("comment")} description={t("commentHelp")} maxLength={ETHICS_LIMITS.comment} rows={6} />
              <div>
                <SubmitButton pendingLabel={t("sending")}>{t("send")}</SubmitButton>
              </div>
            </>
          ) : (
            <dl data-testid="review-answer" className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
              <dt className="font-semibold">{t("statusLabel")}</dt>
              <dd>{t(`status.${r.status}`)}</dd>
              <dt className="font-semibold">{t("answeredAt")}</dt>
              <dd>{r.answeredAt ? formatInstant(locale, r.answeredAt, zone) : admin("none")}</dd>
              <dt className="font-semibold">{t("reviewer")}</dt>
              <dd>{r.reviewer?.name ?? admin("none")}</dd>
              <dt className="font-semibold">{t("comment")}</dt>
              <dd dir="auto" className="whitespace-pre-wrap">
                {r.answer ?? admin("none")}
              </dd>
            </dl>
          )}
        </ActionForm>
      </section>
    </div>
  );
});
