import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { getCachedParity, getCachedPublicHearingId } from "@/lib/hearings/after-queries";
import { formatDuration, type PhaseFigures } from "@/lib/hearings/parity";
import { Link } from "@/lib/i18n/navigation";

/** ¶6: the same time for every candidate — planned and actual, and the questions drawn and answered, shown after the hearing. */
export async function ParityReportView({ locale, requested }: { locale: string; requested?: string }) {
  const t = await getTranslations({ locale, namespace: "hearingPublic" });
  const clocks = await getTranslations({ locale, namespace: "hearingClocks" });
  const hearingId = await getCachedPublicHearingId(requested);
  // A hearing asked for by id that does not exist is not "no hearing yet": it is not found.
  if (requested !== undefined && !hearingId) notFound();
  const view = hearingId ? await getCachedParity(hearingId) : null;
  const suffix = requested ? `/${encodeURIComponent(requested)}` : "";
  const duration = (ms: number) => formatDuration(locale, ms);
  const difference = (f: PhaseFigures) => {
    if (f.differenceMs === null) return t("parity.notHeld");
    if (Math.round(f.differenceMs / 1000) === 0) return t("parity.onTime");
    return f.differenceMs > 0 ? t("parity.over", { duration: duration(f.differenceMs) }) : t("parity.under", { duration: duration(f.differenceMs) });
  };
  const actual = (f: PhaseFigures) => (f.actualMs === null ? t("parity.notHeld") : duration(f.actualMs));
  const report = view?.report ?? null;

  return (
    <div className="space-y-8">
      <section aria-labelledby="parity-title" className="space-y-3">
        <h1 id="parity-title" className="text-3xl font-bold">
          {t("parity.title")}
        </h1>
        <p className="max-w-prose">{t("parity.intro")}</p>
        {view ? (
          <p data-testid="parity-planned">
            {t("parity.planned", { presentation: duration(view.presentationMinutes * 60_000), qa: duration(view.qaMinutes * 60_000) })}
          </p>
        ) : null}
        <p>
          <Link href={`/hearing/verify${suffix}`} className="link">
            {t("verify.title")}
          </Link>
        </p>
      </section>

      {!view ? (
        <p>{t("noHearing")}</p>
      ) : !report ? (
        <p data-testid="parity-later">{t("parity.later")}</p>
      ) : (
        <>
          <section aria-labelledby="parity-table" className="space-y-3">
            <h2 id="parity-table" className="text-2xl font-semibold">
              {t("parity.tableHeading")}
            </h2>
            <DataTable
              caption={t("parity.tableHeading")}
              testId="parity-table"
              columns={[
                t("parity.position"),
                t("parity.candidate"),
                t("parity.presentationActual"),
                t("parity.difference"),
                t("parity.qaActual"),
                t("parity.difference"),
                t("parity.extended"),
                t("parity.questionsDrawn"),
                t("parity.questionsAnswered"),
              ]}
            >
              <tbody>
                {report.rows.map((row) => (
                  <tr key={row.candidateId} className="border-b border-slate-200">
                    <td className="p-2">{row.position === null ? "—" : new Intl.NumberFormat(locale).format(row.position)}</td>
                    <th scope="row" className="p-2 text-start font-normal">
                      {row.name}
                    </th>
                    <td className="p-2">{actual(row.presentation)}</td>
                    <td className="p-2">{difference(row.presentation)}</td>
                    <td className="p-2">{actual(row.qa)}</td>
                    <td className="p-2">{difference(row.qa)}</td>
                    <td className="p-2">
                      {row.presentation.extendedMs + row.qa.extendedMs > 0 ? duration(row.presentation.extendedMs + row.qa.extendedMs) : t("parity.none")}
                    </td>
                    <td className="p-2" data-testid="parity-drawn">
                      {t("parity.drawnOf", { drawn: row.questions.drawn, requested: report.questionsPerCandidate })}
                    </td>
                    <td className="p-2" data-testid="parity-answered">
                      {new Intl.NumberFormat(locale).format(row.questions.answered)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            {report.spreadMs !== null ? <p data-testid="parity-spread">{t("parity.spread", { duration: duration(report.spreadMs) })}</p> : null}
            <p className="max-w-prose text-sm text-slate-700">{t("parity.questionsHelp", { count: report.questionsPerCandidate })}</p>
          </section>

          <section aria-labelledby="parity-extensions" className="space-y-3">
            <h2 id="parity-extensions" className="text-2xl font-semibold">
              {t("parity.extensionsHeading")}
            </h2>
            {report.rows.every((r) => r.extensions.length === 0) ? (
              <p>{t("parity.noExtensions")}</p>
            ) : (
              <ul className="list-disc space-y-2 ps-6" data-testid="parity-extensions">
                {report.rows.flatMap((row) =>
                  row.extensions.map((e, i) => (
                    <li key={`${row.candidateId}-${i}`}>
                      {t("parity.extension", { name: row.name, duration: duration(e.addedMs), phase: t(`phase.${e.phase}`), reason: e.reason })}
                    </li>
                  )),
                )}
              </ul>
            )}
          </section>

          {/* Apart from extensions, and not counted as unequal time (docs/fairness.md#accommodation). */}
          <section aria-labelledby="parity-accommodations" className="space-y-3">
            <h2 id="parity-accommodations" className="text-2xl font-semibold">
              {clocks("parity.accommodationsHeading")}
            </h2>
            <p className="max-w-prose">{clocks("parity.accommodationsIntro")}</p>
            {report.rows.every((r) => r.accommodations.length === 0) ? (
              <p>{clocks("parity.noAccommodations")}</p>
            ) : (
              <ul className="list-disc space-y-2 ps-6" data-testid="parity-accommodations">
                {report.rows.flatMap((row) =>
                  row.accommodations.map((a, i) => (
                    <li key={`${row.candidateId}-${i}`}>
                      {clocks("parity.accommodation", {
                        name: row.name,
                        duration: duration(a.addedMs),
                        phase: clocks(`phases.${a.phase}`),
                        kind: clocks(`kinds.${a.kind}`),
                        reason: a.reason,
                      })}
                    </li>
                  )),
                )}
              </ul>
            )}
          </section>

          {/* Candidates who split the equal slot are compared on their totals (docs/fairness.md#finer-clocks). */}
          {report.splitsDiffer ? (
            <section aria-labelledby="parity-splits" className="space-y-3">
              <h2 id="parity-splits" className="text-2xl font-semibold">
                {clocks("parity.splitsHeading")}
              </h2>
              <p className="max-w-prose">{clocks("parity.splitsIntro")}</p>
              <ul className="list-disc space-y-1 ps-6" data-testid="parity-splits">
                {report.rows.map((row) => (
                  <li key={row.candidateId}>
                    {clocks("parity.split", {
                      name: row.name,
                      presentation: duration(row.presentation.plannedMs),
                      qa: duration(row.qa.plannedMs),
                      total: duration(row.presentation.plannedMs + row.qa.plannedMs),
                    })}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
