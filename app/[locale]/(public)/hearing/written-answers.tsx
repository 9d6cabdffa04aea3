import { getTranslations } from "next-intl/server";
import type { PublicWrittenAnswers } from "@/lib/hearings/after-hearing-queries";
import { formatInstant, zoneLabel } from "@/lib/time/format";

/** The anchor of a candidate's written answers on the hearing's page (the chapters link to it). */
export function writtenAnswersAnchor(candidateId: string): string {
  return `written-${candidateId}`;
}

/**
 * The written answers published with the recording (docs/fairness.md#after-the-hearing): per
 * candidate, each drawn question the hearing did not reach, and under it what the candidate
 * answered in writing, each answer marked as written after the hearing, not spoken, with its
 * date. Server-rendered, no script (docs/decisions/036-page-weight.md).
 */
export async function WrittenAnswers({ locale, answers, zone }: { locale: string; answers: PublicWrittenAnswers | null; zone: string }) {
  if (!answers || answers.candidates.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "hearingPool.record" });
  const at = (iso: string) => `${formatInstant(locale, iso, zone)} (${zoneLabel(locale, zone, iso)})`;
  return (
    <section aria-labelledby="written-answers-heading" className="space-y-4" data-testid="written-answers">
      <h2 id="written-answers-heading" className="text-2xl font-semibold">
        {t("heading")}
      </h2>
      {answers.deadline ? <p className="max-w-prose">{t("intro", { deadline: at(answers.deadline) })}</p> : null}
      {answers.candidates.map((c) => (
        <section
          key={c.candidateId}
          id={writtenAnswersAnchor(c.candidateId)}
          aria-labelledby={`${writtenAnswersAnchor(c.candidateId)}-name`}
          className="space-y-3"
        >
          <h3 id={`${writtenAnswersAnchor(c.candidateId)}-name`} className="text-xl font-semibold">
            {t("candidate", { name: c.name })}
          </h3>
          <ol className="space-y-4">
            {c.questions.map((q) => (
              <li key={q.id} className="space-y-2 rounded border border-slate-200 p-3" data-testid="written-question">
                <h4 className="font-semibold">{q.drawPosition ? t("question", { number: q.drawPosition }) : t("questionUnnumbered")}</h4>
                <blockquote dir="auto" className="border-s-4 border-slate-300 ps-3">
                  {q.body}
                </blockquote>
                {q.answers.length === 0 ? (
                  <p className="text-sm text-slate-700">{t("none")}</p>
                ) : (
                  q.answers.map((a) => (
                    <div key={a.locale} className="space-y-1 rounded bg-slate-50 p-3" data-testid="written-answer">
                      <p className="text-sm font-semibold text-slate-800" data-testid="written-mark">
                        {t("mark", { date: at(a.submittedAt) })}
                      </p>
                      <p lang={a.locale} dir="auto" className="whitespace-pre-line">
                        {a.body}
                      </p>
                    </div>
                  ))
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
