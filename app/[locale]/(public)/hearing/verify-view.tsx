import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { verifyHearingDraws, type DrawCheck } from "@/lib/draw/verify-hearing";
import { getCachedDrawsExport, getCachedPublicHearingId } from "@/lib/hearings/after-queries";
import { Link } from "@/lib/i18n/navigation";
import { formatInstant } from "@/lib/time/format";

function Ids({ ids, testId }: { ids: readonly string[]; testId?: string }) {
  return (
    <code dir="ltr" className="font-mono text-sm break-all" data-testid={testId}>
      {ids.join(",")}
    </code>
  );
}

/**
 * Decision 007: anyone re-runs every draw of the hearing from the revealed seed. Before the
 * reveal the page shows what was published at each draw and says when the seed will come.
 */
export async function VerifyDraws({ locale, requested }: { locale: string; requested?: string }) {
  const t = await getTranslations({ locale, namespace: "hearingPublic" });
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
  const verification = verifyHearingDraws({ ...data, draws: data.draws });
  const names = new Map(data.candidates.map((c) => [c.id, c.name]));
  const created = new Map(data.draws.map((d) => [d.id, d.createdAt]));
  const revealed = data.seed !== null;
  const suffix = requested ? `/${encodeURIComponent(requested)}` : "";
  const exportPath = `/api/hearings/${encodeURIComponent(data.hearingId)}/draws`;

  const title = (d: DrawCheck) =>
    d.kind === "RUNNING_ORDER" ? t("verify.runningOrderDraw") : t("verify.questionsDraw", { name: names.get(d.candidateId ?? "") ?? d.candidateId ?? "" });

  return (
    <div className="space-y-8">
      <section aria-labelledby="verify-title" className="space-y-3">
        <h1 id="verify-title" className="text-3xl font-bold">
          {t("verify.title")}
        </h1>
        <p className="max-w-prose">{t("verify.intro")}</p>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("verify.seedHash")}</dt>
          <dd dir="ltr" className="font-mono break-all" data-testid="verify-seed-hash">
            {data.seedHash ?? t("verify.noSeedHash")}
          </dd>
          <dt className="font-semibold">{t("verify.seed")}</dt>
          <dd data-testid="verify-seed">
            {revealed ? (
              <code dir="ltr" className="font-mono break-all">
                {data.seed}
              </code>
            ) : (
              t("verify.seedLater")
            )}
          </dd>
          {revealed ? (
            <>
              <dt className="font-semibold">{t("verify.hashCheck")}</dt>
              <dd data-testid="verify-hash-check">{verification.seedMatchesHash ? t("verify.hashMatches") : t("verify.hashDiffers")}</dd>
              <dt className="font-semibold">{t("verify.revealedAt")}</dt>
              <dd>{data.seedRevealedAt ? `${formatInstant(locale, data.seedRevealedAt, "UTC")} (UTC)` : null}</dd>
            </>
          ) : null}
        </dl>
        {revealed ? (
          <p role="status" className="font-semibold" data-testid="verify-summary">
            {verification.allMatch ? t("verify.allMatch") : t("verify.someDiffer")}
          </p>
        ) : null}
        <p className="max-w-prose text-sm">
          {t("verify.openData")}{" "}
          <a href={exportPath} dir="ltr" className="text-brand-700 underline underline-offset-4">
            {exportPath}
          </a>
        </p>
        <p className="max-w-prose text-sm">
          {t("verify.script")} <code dir="ltr" className="font-mono break-all">{`npx tsx scripts/verify-draws.ts <https://…> ${data.hearingId}`}</code>
        </p>
        <p>
          <Link href={`/hearing/parity${suffix}`} className="text-brand-700 underline underline-offset-4">
            {t("parity.title")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="draws-heading" className="space-y-4">
        <h2 id="draws-heading" className="text-2xl font-semibold">
          {t("verify.drawsHeading")}
        </h2>
        {verification.draws.length === 0 ? (
          <p>{t("verify.noDraws")}</p>
        ) : (
          <ol className="space-y-4" data-testid="verify-draws">
            {verification.draws.map((d) => (
              <li key={d.id} className="space-y-2 rounded border border-slate-300 p-4" data-testid={`draw-${d.id}`}>
                <h3 className="text-lg font-semibold">{title(d)}</h3>
                <p className="text-sm text-slate-700">
                  {t("verify.drawnAt", { at: formatInstant(locale, created.get(d.id) ?? "", "UTC"), algorithm: data.algorithm })}
                </p>
                <p>
                  {t("verify.eligible", { count: d.eligibleIds.length })} <Ids ids={d.eligibleIds} />
                </p>
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
                      {d.problem ? ` — ${t(`verify.problem.${d.problem}`)}` : null}
                    </p>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
