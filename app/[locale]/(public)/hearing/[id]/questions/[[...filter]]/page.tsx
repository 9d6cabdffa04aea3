import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCachedOpenPool, type OpenPool } from "@/lib/hearings/after-hearing-queries";
import { getCachedPublicHearingId } from "@/lib/hearings/after-queries";
import { POOL_OUTCOMES, type PoolOutcome } from "@/lib/hearings/written-answer-rules";
import { pageLocale } from "@/lib/i18n/page-locale";
import { Link } from "@/lib/i18n/navigation";
import { memberStateName } from "@/lib/member-states/names";
import { pageMetadata } from "@/lib/site/page-metadata";
import { languageList } from "@/lib/video/audio-choice";

// The hearing's open pool (docs/fairness.md#after-the-hearing, docs/decisions/048-written-answers-and-open-pool.md):
// every question whose asker consented, with its source and outcome; the others counted only;
// never an asker's name. Filters are paths (/questions/candidate/<id>/outcome/<outcome>), not a
// query, so that every filtered page is cached like the hearing's page (docs/cache.md), and they
// are plain links: no script. Never a rehearsal's (getCachedPublicHearingId refuses one).

type Props = { params: Promise<{ locale: string; id: string; filter?: string[] }> };

const slugOf = (o: PoolOutcome) => o.toLowerCase().replace(/_/g, "-");
const OUTCOME_BY_SLUG = new Map(POOL_OUTCOMES.map((o) => [slugOf(o), o]));

type Filter = { candidateId: string | null; outcome: PoolOutcome | null };

/** The filter the path names, or null when it names anything else (then the address does not exist). */
function parseFilter(segments: readonly string[] | undefined, pool: OpenPool): Filter | null {
  const filter: Filter = { candidateId: null, outcome: null };
  const parts = segments ?? [];
  if (parts.length % 2 !== 0 || parts.length > 4) return null;
  for (let i = 0; i < parts.length; i += 2) {
    const [key, value] = [parts[i], parts[i + 1] ?? ""];
    if (key === "candidate" && filter.candidateId === null && i === 0 && pool.candidates.some((c) => c.id === value)) filter.candidateId = value;
    else if (key === "outcome" && filter.outcome === null && OUTCOME_BY_SLUG.has(value)) filter.outcome = OUTCOME_BY_SLUG.get(value) ?? null;
    else return null;
  }
  return filter;
}

function filterHref(hearingId: string, f: Filter): string {
  const parts = [`/hearing/${encodeURIComponent(hearingId)}/questions`];
  if (f.candidateId) parts.push(`candidate/${encodeURIComponent(f.candidateId)}`);
  if (f.outcome) parts.push(`outcome/${slugOf(f.outcome)}`);
  return parts.join("/");
}

async function load(id: string, segments: string[] | undefined) {
  const hearingId = await getCachedPublicHearingId(id);
  if (!hearingId) return null;
  const pool = await getCachedOpenPool(hearingId);
  if (!pool) return null;
  const filter = parseFilter(segments, pool);
  return filter ? { pool, filter } : null;
}

// Rendered on first visit, then cached until a change revalidates TAGS.hearings.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id, filter } = await params;
  const t = await getTranslations({ locale, namespace: "hearingPool.pool" });
  return pageMetadata(locale, `/hearing/${id}/questions${filter?.length ? `/${filter.join("/")}` : ""}`, { title: t("title") });
}

const CHIP =
  "inline-block min-h-6 rounded border border-slate-400 px-3 py-1 text-brand-700 underline underline-offset-4 aria-[current=page]:border-2 aria-[current=page]:border-brand-700 aria-[current=page]:font-semibold";

export default async function Page({ params }: Props) {
  const locale = await pageLocale(params);
  const { id, filter: segments } = await params;
  const loaded = await load(id, segments);
  if (!loaded) notFound();
  const { pool, filter } = loaded;
  const t = await getTranslations({ locale, namespace: "hearingPool.pool" });
  const regions = await getTranslations({ locale, namespace: "regions" });
  const number = new Intl.NumberFormat(locale);
  const nameOf = (candidateId: string) => pool.candidates.find((c) => c.id === candidateId)?.name ?? "";
  const back = (
    <p>
      <Link href={`/hearing/${encodeURIComponent(pool.hearingId)}`} className="link">
        {t("hearingLink")}
      </Link>
    </p>
  );
  const heading = (
    <div className="space-y-3">
      <h1 id="pool-title" className="text-3xl font-bold">
        {t("title")}
      </h1>
      <p className="max-w-prose text-lg">{pool.conferenceName}</p>
      <p className="max-w-prose">{t("intro")}</p>
    </div>
  );
  if (!pool.ended) {
    return (
      <div className="space-y-6">
        {heading}
        <p data-testid="pool-not-ended">{t("notEnded")}</p>
        {back}
      </div>
    );
  }

  const questions = pool.questions.filter(
    (q) => (filter.candidateId === null || q.candidateId === filter.candidateId) && (filter.outcome === null || q.outcome === filter.outcome),
  );
  const counts = POOL_OUTCOMES.map((outcome) => {
    const rows = pool.counts.filter((c) => c.outcome === outcome && (filter.candidateId === null || c.candidateId === filter.candidateId));
    return { outcome, shown: rows.reduce((n, r) => n + r.shown, 0), withheld: rows.reduce((n, r) => n + r.withheld, 0) };
  });
  const totals = counts.reduce((sum, c) => ({ shown: sum.shown + c.shown, withheld: sum.withheld + c.withheld }), { shown: 0, withheld: 0 });
  const choice = (href: string, current: boolean, label: string, testId: string) => (
    <Link href={href} aria-current={current ? "page" : undefined} className={CHIP} data-testid={testId}>
      {label}
    </Link>
  );

  return (
    <article className="space-y-8" aria-labelledby="pool-title">
      {heading}
      {back}

      <nav aria-label={t("filters")} className="space-y-3">
        <div>
          <p className="font-semibold" id="pool-by-candidate">
            {t("byCandidate")}
          </p>
          <ul className="mt-1 flex flex-wrap gap-2" aria-labelledby="pool-by-candidate">
            <li>{choice(filterHref(pool.hearingId, { ...filter, candidateId: null }), filter.candidateId === null, t("all"), "pool-candidate-all")}</li>
            {pool.candidates.map((c) => (
              <li key={c.id}>
                {choice(filterHref(pool.hearingId, { ...filter, candidateId: c.id }), filter.candidateId === c.id, c.name, `pool-candidate-${c.id}`)}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <p className="font-semibold" id="pool-by-outcome">
            {t("byOutcome")}
          </p>
          <ul className="mt-1 flex flex-wrap gap-2" aria-labelledby="pool-by-outcome">
            <li>{choice(filterHref(pool.hearingId, { ...filter, outcome: null }), filter.outcome === null, t("all"), "pool-outcome-all")}</li>
            {POOL_OUTCOMES.map((o) => (
              <li key={o}>
                {choice(filterHref(pool.hearingId, { ...filter, outcome: o }), filter.outcome === o, t(`outcomes.${o}`), `pool-outcome-${slugOf(o)}`)}
              </li>
            ))}
          </ul>
        </div>
      </nav>

      <section aria-labelledby="pool-counts" className="space-y-2">
        <h2 id="pool-counts" className="text-2xl font-semibold">
          {t("countsHeading")}
        </h2>
        <div className="overflow-x-auto">
          <table className="min-w-full border-collapse text-start" data-testid="pool-counts">
            <caption className="mb-2 text-start text-sm text-slate-700">
              {t("countsCaption", { candidate: filter.candidateId ? nameOf(filter.candidateId) : "all" })}
            </caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-2 pe-4 text-start">
                  {t("outcomeColumn")}
                </th>
                <th scope="col" className="py-2 pe-4 text-end">
                  {t("shownColumn")}
                </th>
                <th scope="col" className="py-2 text-end">
                  {t("withheldColumn")}
                </th>
              </tr>
            </thead>
            <tbody>
              {counts.map((c) => (
                <tr key={c.outcome} className="border-b border-slate-200" data-testid={`pool-count-${slugOf(c.outcome)}`}>
                  <th scope="row" className="py-2 pe-4 text-start font-normal">
                    {t(`outcomes.${c.outcome}`)}
                  </th>
                  <td className="py-2 pe-4 text-end tabular-nums">{number.format(c.shown)}</td>
                  <td className="py-2 text-end tabular-nums">{number.format(c.withheld)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="py-2 pe-4 text-start">
                  {t("total")}
                </th>
                <td className="py-2 pe-4 text-end font-semibold tabular-nums">{number.format(totals.shown)}</td>
                <td className="py-2 text-end font-semibold tabular-nums">{number.format(totals.withheld)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section aria-labelledby="pool-list" className="space-y-3">
        <h2 id="pool-list" className="text-2xl font-semibold">
          {filter.candidateId || filter.outcome ? t("listHeadingFiltered", { count: questions.length }) : t("listHeading")}
        </h2>
        {questions.length === 0 ? (
          <p data-testid="pool-none">{t("none")}</p>
        ) : (
          <ol className="space-y-4" data-testid="pool-questions">
            {questions.map((q) => (
              <li key={q.id} className="space-y-2 rounded border border-slate-200 p-3" data-testid="pool-question">
                <h3 className="font-semibold">{t("forCandidate", { name: nameOf(q.candidateId) })}</h3>
                <blockquote dir="auto" className="border-s-4 border-slate-300 ps-3">
                  {q.body}
                </blockquote>
                <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                  <dt className="font-semibold">{t("source")}</dt>
                  <dd>
                    {q.state && q.region
                      ? t("sourceState", {
                          kind: t(`kind.${q.askerKind}`),
                          state: memberStateName(locale, q.state),
                          region: q.region,
                          regionName: regions(q.region),
                        })
                      : t("sourceKind", { kind: t(`kind.${q.askerKind}`) })}
                    {" — "}
                    {q.verified ? t("checked") : t("declared")}
                  </dd>
                  <dt className="font-semibold">{t("outcome")}</dt>
                  <dd data-testid="pool-outcome">
                    {t(`outcomes.${q.outcome}`)}
                    {q.outcome === "SET_ASIDE" ? (
                      <span className="block" data-testid="pool-reason">
                        {/* The chair's words in their own direction inside the page's (an Arabic page, a French reason). */}
                        {q.setAsideReason ? t.rich("reason", { reason: q.setAsideReason, text: (chunks) => <bdi>{chunks}</bdi> }) : t("noReason")}
                      </span>
                    ) : null}
                    {q.writtenIn.length > 0 ? <span className="block">{t("writtenIn", { languages: languageList(q.writtenIn, locale) })}</span> : null}
                  </dd>
                </dl>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
