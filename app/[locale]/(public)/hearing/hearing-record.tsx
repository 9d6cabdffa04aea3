import { getTranslations } from "next-intl/server";
import { HEARING_STAGES } from "@/lib/hearings/stage";
import type { PublicRecord } from "@/lib/hearings/public-record";
import { Link } from "@/lib/i18n/navigation";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { DrawQuota } from "./draw-quota";

/**
 * The hearing's record on its public page (docs/decisions/014-hearing-record-integrity.md):
 * the stage it has reached, the commitment and when it was made, the voided commitments (their
 * seeds on the verification page), and each draw with the dice digits typed at it.
 */
export async function HearingRecord({ locale, record, zone, verifyHref }: { locale: string; record: PublicRecord; zone: string; verifyHref: string }) {
  const t = await getTranslations({ locale, namespace: "hearingPublic.record" });
  const at = (iso: string) => `${formatInstant(locale, iso, zone)} (${zoneLabel(locale, zone, iso)})`;
  const reached = HEARING_STAGES.indexOf(record.stage);

  return (
    <section aria-labelledby="record-heading" className="space-y-4" data-testid="hearing-record">
      <h2 id="record-heading" className="text-2xl font-semibold">
        {t("heading")}
      </h2>
      <p data-testid="hearing-stage">
        <span className="font-semibold">{t("stageLabel")}</span> {t(`stage.${record.stage}`)}
      </p>
      <p className="max-w-prose text-sm text-slate-700">{t(`stageHelp.${record.stage}`)}</p>
      {/* Every stage in order, the one reached marked: the way back is only a public re-opening. */}
      <ol className="flex flex-wrap gap-2 text-sm" aria-label={t("stagesLabel")}>
        {HEARING_STAGES.map((stage, i) => (
          <li
            key={stage}
            aria-current={i === reached ? "step" : undefined}
            className={`rounded border px-2 py-1 ${i === reached ? "border-brand-700 bg-brand-50 font-semibold text-brand-800" : i < reached ? "border-slate-400 text-slate-800" : "border-slate-300 text-slate-700"}`}
          >
            {t(`stage.${stage}`)}
          </li>
        ))}
      </ol>

      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("commitment")}</dt>
        <dd>
          {record.seedHash ? (
            <code className="break-all" dir="ltr" data-testid="webcast-seed-hash">
              {record.seedHash}
            </code>
          ) : (
            t("noCommitment")
          )}
        </dd>
        {record.seedHash ? (
          <>
            <dt className="font-semibold">{t("committedAt")}</dt>
            <dd data-testid="hearing-committed-at">{record.seedCommittedAt ? at(record.seedCommittedAt) : t("committedAtUnknown")}</dd>
          </>
        ) : null}
        {record.startedAt ? (
          <>
            <dt className="font-semibold">{t("startedAt")}</dt>
            <dd>{at(record.startedAt)}</dd>
          </>
        ) : null}
        {record.seedRevealedAt ? (
          <>
            <dt className="font-semibold">{t("revealedAt")}</dt>
            <dd>{at(record.seedRevealedAt)}</dd>
          </>
        ) : null}
        {record.closedAt ? (
          <>
            <dt className="font-semibold">{t("closedAt")}</dt>
            <dd>{at(record.closedAt)}</dd>
          </>
        ) : null}
        <dt className="font-semibold">{t("voided")}</dt>
        <dd data-testid="hearing-voided">
          {record.voidedCommitments === 0 ? (
            t("noneVoided")
          ) : (
            <>
              {t("voidedCount", { count: record.voidedCommitments })}{" "}
              <Link href={verifyHref} className="link">
                {t("voidedLink")}
              </Link>
            </>
          )}
        </dd>
      </dl>

      <section aria-labelledby="record-draws" className="space-y-2">
        <h3 id="record-draws" className="text-xl font-semibold">
          {t("drawsHeading")}
        </h3>
        {record.draws.length === 0 ? (
          <p>{t("noDraws")}</p>
        ) : (
          <ol className="space-y-2" data-testid="hearing-draws">
            {record.draws.map((d) => (
              <li key={d.id} className="rounded border border-slate-200 p-3" data-testid="hearing-draw">
                <p className="font-medium">
                  {d.kind === "RUNNING_ORDER" ? t("runningOrder") : t("questionsFor", { name: d.candidateName ?? "" })}
                  {d.voided ? ` ${t("drawVoided")}` : ""}
                </p>
                <p className="text-sm">
                  {d.kind === "RUNNING_ORDER"
                    ? t("orderDrawn", { count: d.count, at: at(d.drawnAt) })
                    : t("questionsDrawn", { count: d.count, eligible: d.eligibleCount, at: at(d.drawnAt) })}
                </p>
                <p className="text-sm">
                  {t("entropy")}{" "}
                  {d.entropy ? (
                    <code dir="ltr" className="font-mono tracking-widest" data-testid="hearing-draw-entropy">
                      {d.entropy}
                    </code>
                  ) : (
                    t("noEntropy")
                  )}
                </p>
                {d.kind === "QUESTIONS" && d.pendingCount !== null && d.setAsideCount !== null ? (
                  <p className="text-sm text-slate-700">{t("queueAtDraw", { pending: d.pendingCount, setAside: d.setAsideCount })}</p>
                ) : null}
                {d.quota && d.strata ? <DrawQuota locale={locale} quota={d.quota} strata={d.strata} /> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}
