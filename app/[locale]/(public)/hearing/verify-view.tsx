import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { verifyDrawsFile, type DrawCheck, type DrawProblem } from "@/lib/draw/verify-hearing";
import { getCachedDrawsExport, getCachedPublicHearingId } from "@/lib/hearings/after-queries";
import { Link } from "@/lib/i18n/navigation";
import { DrawQuota } from "./draw-quota";

function Ids({ ids, testId }: { ids: readonly string[]; testId?: string }) {
  return (
    <code dir="ltr" className="font-mono text-sm break-all" data-testid={testId}>
      {ids.join(",")}
    </code>
  );
}

function Hex({ value, testId }: { value: string; testId?: string }) {
  return (
    <code dir="ltr" className="font-mono text-sm break-all" data-testid={testId}>
      {value}
    </code>
  );
}

/** To the second, in UTC: the order of commit, draw and reveal is what is checked. */
function At({ locale, iso }: { locale: string; iso: string }) {
  const text = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "medium", timeZone: "UTC" }).format(new Date(iso));
  return <time dateTime={iso}>{`${text} (UTC)`}</time>;
}

/**
 * Anyone re-runs every draw of the hearing (docs/draw-specification.md §12): each against its own
 * commitment — the active one once revealed, or a voided one with its published seed — with
 * its commit, draw and reveal times. Before the reveal the page shows what was published at
 * each draw and what can be checked already.
 */
export async function VerifyDraws({ locale, requested }: { locale: string; requested?: string }) {
  const t = await getTranslations({ locale, namespace: "hearingPublic" });
  const quotaT = await getTranslations({ locale, namespace: "questionQuota" });
  const problemText = (p: DrawProblem) => (p === "invalidQuota" || p === "invalidStrata" ? quotaT(`problem.${p}`) : t(`verify.problem.${p}`));
  const hearingId = await getCachedPublicHearingId(requested);
  // A hearing asked for by id that does not exist is not "no hearing yet": it is not found.
  if (requested !== undefined && !hearingId) notFound();
  const data = hearingId ? await getCachedDrawsExport(hearingId) : null;
  if (!data) {
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("verify.title")}</h1>
        <p>{t("noHearing")}</p>
      </div>
    );
  }
  const verification = verifyDrawsFile(data);
  const names = new Map(data.candidates.map((c) => [c.id, c.name]));
  const published = new Map(data.draws.map((d) => [d.id, d]));
  const revealed = data.seed !== null;
  const voided = verification.commitments.filter((c) => c.voided);
  const suffix = requested ? `/${encodeURIComponent(requested)}` : "";
  const exportPath = `/api/hearings/${encodeURIComponent(data.hearingId)}/draws`;

  const title = (d: DrawCheck) =>
    d.kind === "RUNNING_ORDER" ? t("verify.runningOrderDraw") : t("verify.questionsDraw", { name: names.get(d.candidateId ?? "") ?? d.candidateId ?? "" });
  const time = (iso: string | null, missing: string) => (iso ? <At locale={locale} iso={iso} /> : missing);

  return (
    <div className="space-y-8">
      <section aria-labelledby="verify-title" className="space-y-3">
        <h1 id="verify-title" className="text-3xl font-bold">
          {t("verify.title")}
        </h1>
        <p className="max-w-prose">{t("verify.intro")}</p>
        <p>
          <Link href="/hearing/draw-specification" className="link" data-testid="verify-spec-link">
            {t("verify.specLink")}
          </Link>
        </p>
        <p className="max-w-prose text-sm">{t("verify.timesHelp")}</p>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("verify.seedHash")}</dt>
          <dd data-testid="verify-seed-hash">{data.seedHash ? <Hex value={data.seedHash} /> : t("verify.noSeedHash")}</dd>
          {data.seedHash ? (
            <>
              <dt className="font-semibold">{t("verify.committedAt")}</dt>
              <dd data-testid="verify-committed-at">{time(data.seedCommittedAt, t("verify.commitTimeUnknown"))}</dd>
              <dt className="font-semibold">{t("verify.seed")}</dt>
              <dd data-testid="verify-seed">{revealed && data.seed ? <Hex value={data.seed} /> : t("verify.seedLater")}</dd>
            </>
          ) : null}
          {revealed ? (
            <>
              <dt className="font-semibold">{t("verify.hashCheck")}</dt>
              <dd data-testid="verify-hash-check">{verification.seedMatchesHash ? t("verify.hashMatches") : t("verify.hashDiffers")}</dd>
              <dt className="font-semibold">{t("verify.revealedAt")}</dt>
              <dd data-testid="verify-revealed-at">{time(data.seedRevealedAt, t("verify.unknown"))}</dd>
            </>
          ) : null}
        </dl>
        <p role="status" className="font-semibold" data-testid="verify-summary">
          {verification.allMatch === true ? t("verify.allMatch") : verification.allMatch === false ? t("verify.someDiffer") : t("verify.notYetCheckable")}
        </p>
        <p className="max-w-prose text-sm">
          {t("verify.openData")}{" "}
          <a href={exportPath} dir="ltr" className="link">
            {exportPath}
          </a>
        </p>
        <p className="max-w-prose text-sm">
          {t("verify.script")} <code dir="ltr" className="font-mono break-all">{`npx tsx scripts/verify-draws.ts <https://…> ${data.hearingId}`}</code>
        </p>
        <p>
          <Link href={`/hearing/parity${suffix}`} className="link">
            {t("parity.title")}
          </Link>
        </p>
      </section>

      {voided.length > 0 ? (
        <section aria-labelledby="voided-heading" className="space-y-4">
          <h2 id="voided-heading" className="text-2xl font-semibold">
            {t("verify.voidedHeading")}
          </h2>
          <p className="max-w-prose">{t("verify.voidedIntro")}</p>
          <ul className="space-y-4" data-testid="verify-voided">
            {voided.map((c) => (
              <li key={c.seedHash} className="rounded border border-slate-300 p-4">
                <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
                  <dt className="font-semibold">{t("verify.commitment")}</dt>
                  <dd>
                    <Hex value={c.seedHash} />
                  </dd>
                  <dt className="font-semibold">{t("verify.voidedSeed")}</dt>
                  <dd>
                    <Hex value={c.seed ?? ""} />
                  </dd>
                  <dt className="font-semibold">{t("verify.hashCheck")}</dt>
                  <dd data-testid="voided-hash-check">{c.seedMatchesHash ? t("verify.hashMatches") : t("verify.hashDiffers")}</dd>
                  <dt className="font-semibold">{t("verify.voidedReason")}</dt>
                  <dd>{c.reason}</dd>
                  <dt className="font-semibold">{t("verify.committedAt")}</dt>
                  <dd>{time(c.committedAt, t("verify.unknown"))}</dd>
                  <dt className="font-semibold">{t("verify.voidedAt")}</dt>
                  <dd>{time(c.revealedAt, t("verify.unknown"))}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="draws-heading" className="space-y-4">
        <h2 id="draws-heading" className="text-2xl font-semibold">
          {t("verify.drawsHeading")}
        </h2>
        {verification.draws.length === 0 ? (
          <p>{t("verify.noDraws")}</p>
        ) : (
          <ol className="space-y-4" data-testid="verify-draws">
            {verification.draws.map((d) => {
              const raw = published.get(d.id);
              const texts = raw?.questions ? Object.entries(raw.questions) : [];
              return (
                <li key={d.id} className="space-y-2 rounded border border-slate-300 p-4" data-testid={`draw-${d.id}`}>
                  <h3 className="text-lg font-semibold">{title(d)}</h3>
                  {d.voided ? (
                    <p className="font-semibold text-amber-900" data-testid="draw-void">
                      {t("verify.void")}
                    </p>
                  ) : null}
                  <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                    <dt className="font-semibold">{t("verify.algorithm")}</dt>
                    <dd>
                      <code dir="ltr">{d.algorithm}</code>
                    </dd>
                    <dt className="font-semibold">{t("verify.commitment")}</dt>
                    <dd>{d.seedHash ? <Hex value={d.seedHash} /> : t("verify.unknown")}</dd>
                    <dt className="font-semibold">{t("verify.timeCommitted")}</dt>
                    <dd data-testid="draw-committed-at">{time(d.committedAt, t("verify.unknown"))}</dd>
                    <dt className="font-semibold">{t("verify.timeDrawn")}</dt>
                    <dd data-testid="draw-drawn-at">{time(d.drawnAt, t("verify.unknown"))}</dd>
                    <dt className="font-semibold">{t("verify.timeRevealed")}</dt>
                    <dd data-testid="draw-revealed-at">{time(d.revealedAt, t("verify.notYet"))}</dd>
                    <dt className="font-semibold">{t("verify.entropy")}</dt>
                    <dd data-testid="draw-entropy">{d.entropy ? <Hex value={d.entropy} /> : t("verify.noEntropy")}</dd>
                    {d.kind === "QUESTIONS" ? (
                      <>
                        <dt className="font-semibold">{t("verify.queue")}</dt>
                        <dd data-testid="draw-queue">
                          {raw?.pendingCount == null || raw.setAsideCount == null
                            ? t("verify.unknown")
                            : t("verify.queueCounts", { pending: raw.pendingCount, setAside: raw.setAsideCount })}
                        </dd>
                      </>
                    ) : null}
                  </dl>
                  <p>
                    {t("verify.eligible", { count: d.eligibleIds.length })} <Ids ids={d.eligibleIds} />
                  </p>
                  {d.quota && d.strata ? <DrawQuota locale={locale} quota={d.quota} strata={d.strata} /> : null}
                  {texts.length > 0 ? (
                    <details>
                      <summary className="cursor-pointer">{t("verify.questionTexts", { count: texts.length })}</summary>
                      <dl className="mt-2 space-y-1 text-sm">
                        {texts.map(([id, body]) => (
                          <div key={id}>
                            <dt>
                              <code dir="ltr">{id}</code>
                            </dt>
                            <dd className="ms-4">{body ?? t("verify.unknown")}</dd>
                          </div>
                        ))}
                      </dl>
                    </details>
                  ) : null}
                  <p>
                    {t("verify.recorded")} <Ids ids={d.recorded} />
                  </p>
                  {d.kind === "RUNNING_ORDER" ? (
                    <p className="text-sm">{t("verify.inOrder", { names: d.recorded.map((id) => names.get(id) ?? id).join(" · ") })}</p>
                  ) : null}
                  {d.matches === null ? null : (
                    <>
                      <p>
                        {t("verify.recomputed")} {d.expected ? <Ids ids={d.expected} /> : t("verify.cannotRecompute")}
                      </p>
                      <p className={d.matches ? "font-semibold text-green-800" : "font-semibold text-red-800"} data-testid="draw-verdict">
                        {d.matches ? t("verify.matches") : t("verify.doesNotMatch")}
                      </p>
                      {d.problems.length > 0 ? (
                        <ul className="list-disc ps-6 text-red-800" data-testid="draw-problems">
                          {d.problems.map((p) => (
                            <li key={p}>{problemText(p)}</li>
                          ))}
                        </ul>
                      ) : null}
                    </>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}
