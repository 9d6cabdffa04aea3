import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCachedPublicHearingId } from "@/lib/hearings/after-queries";
import { pageLocale } from "@/lib/i18n/page-locale";
import { Link } from "@/lib/i18n/navigation";
import { pageMetadata } from "@/lib/site/page-metadata";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { languageName, segmentHeading } from "@/lib/transcripts/download";
import { chooseLanguage, getCachedPublicTranscript, getCachedTranscriptLanguages } from "@/lib/transcripts/queries";
import { matchesAll, SEARCH_LIMITS, searchTerms } from "@/lib/transcripts/search";
import { SegmentText } from "./segment-text";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ lang?: string | string[]; q?: string | string[] }> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const t = await getTranslations({ locale, namespace: "transcript" });
  return pageMetadata(locale, `/hearing/${id}/transcript`, { title: t("title") });
}

/**
 * A hearing's transcript, per candidate and per question (docs/decisions/041-transcript.md):
 * labelled "not an official record" until the secretariat marks it official, searchable on
 * the server (`?q=`), in each language it was built in (`?lang=`), with its downloads. Only a
 * real hearing's, once ended (docs/decisions/018). The search makes the page render per
 * request; its reads are cached and revalidated by TAGS.hearings.
 */
export default async function Page({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const query = await searchParams;
  const hearingId = await getCachedPublicHearingId(id);
  if (!hearingId) notFound();
  const t = await getTranslations({ locale, namespace: "transcript" });
  const languages = await getCachedTranscriptLanguages(hearingId);
  const language = languages ? chooseLanguage(languages, one(query.lang), locale) : undefined;
  const transcript = language ? await getCachedPublicTranscript(hearingId, language) : null;
  const back = (
    <Link href={`/hearing/${encodeURIComponent(hearingId)}`} className="link">
      {t("hearingLink")}
    </Link>
  );
  if (!languages || !transcript) {
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p data-testid="transcript-none">{t("none")}</p>
        <p>{back}</p>
      </div>
    );
  }

  const zone = transcript.timeZone;
  const at = (iso: string) => `${formatInstant(locale, iso, zone)} (${zoneLabel(locale, zone, iso)})`;
  const name = (l: string) => languageName(t, locale, l);
  const q = (one(query.q) ?? "").slice(0, SEARCH_LIMITS.query).trim();
  const terms = searchTerms(q);
  const shown = terms.length === 0 ? transcript.segments : transcript.segments.filter((s) => matchesAll([segmentHeading(t, s), s.text], terms));
  const page = `/hearing/${encodeURIComponent(hearingId)}/transcript`;
  const download = (ext: "txt" | "json") =>
    `/api/hearings/${encodeURIComponent(hearingId)}/transcript.${ext}?lang=${encodeURIComponent(transcript.language)}&locale=${locale}`;
  // The text is in the transcript's language, whatever the page's (the floor: as spoken).
  const textLang = transcript.language === "floor" ? undefined : transcript.language;

  return (
    <div className="space-y-8">
      <section aria-labelledby="transcript-title" className="space-y-3">
        <h1 id="transcript-title" className="text-3xl font-bold">
          {t("title")}
        </h1>
        <p className="max-w-prose text-lg">{t("intro", { conference: transcript.conferenceName })}</p>
        <p>
          <span className="font-semibold">{t("languageLabel")}:</span> {name(transcript.language)}
        </p>
        {transcript.officialAt ? (
          <div className="rounded border-2 border-emerald-700 bg-emerald-50 p-4" data-testid="transcript-status">
            <p className="text-lg font-bold text-emerald-900">{t("official")}</p>
            <p>{t("officialSince", { at: at(transcript.officialAt) })}</p>
          </div>
        ) : (
          <div className="rounded border-2 border-amber-700 bg-amber-50 p-4" data-testid="transcript-status">
            <p className="text-lg font-bold text-amber-950">{t("notOfficial")}</p>
            <p>{t("notOfficialHelp")}</p>
            {transcript.withdrawnAt && transcript.withdrawnReason ? (
              <p className="mt-2" data-testid="transcript-withdrawn">
                {t("withdrawn", { at: at(transcript.withdrawnAt), reason: transcript.withdrawnReason })}
              </p>
            ) : null}
          </div>
        )}
        {transcript.language !== "floor" ? <p className="max-w-prose">{t("floorNote", { language: name(transcript.language) })}</p> : null}
        <p className="text-sm text-slate-700">{t("builtAt", { at: at(transcript.builtAt), version: transcript.version })}</p>
        <p>{back}</p>
      </section>

      {languages.length > 1 ? (
        <nav aria-labelledby="transcript-languages" className="space-y-2">
          <h2 id="transcript-languages" className="text-xl font-semibold">
            {t("languagesHeading")}
          </h2>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {languages.map((l) => (
              <li key={l}>
                <Link href={`${page}?lang=${encodeURIComponent(l)}`} className="link" aria-current={l === transcript.language ? "page" : undefined}>
                  {name(l)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <section aria-labelledby="transcript-downloads" className="space-y-2">
        <h2 id="transcript-downloads" className="text-xl font-semibold">
          {t("downloadsHeading")}
        </h2>
        <p className="flex flex-wrap gap-x-6 gap-y-2">
          <a href={download("txt")} className="link" data-testid="transcript-download-text">
            {t("downloadText")}
          </a>
          <a href={download("json")} className="link" data-testid="transcript-download-json">
            {t("downloadJson")}
          </a>
        </p>
      </section>

      <div>
        <form
          method="get"
          action={`/${locale}${page}`}
          className="flex max-w-2xl flex-wrap items-end gap-3"
          role="search"
          aria-labelledby="transcript-search-label"
        >
          <input type="hidden" name="lang" value={transcript.language} />
          <div className="flex min-w-64 flex-1 flex-col gap-1">
            <label id="transcript-search-label" htmlFor="transcript-q" className="font-medium">
              {t("searchLabel")}
            </label>
            <input
              id="transcript-q"
              name="q"
              type="search"
              defaultValue={q}
              maxLength={SEARCH_LIMITS.query}
              className="min-h-11 rounded border border-slate-500 px-3 py-2"
              data-testid="transcript-q"
            />
          </div>
          <button
            type="submit"
            className="min-h-11 rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2"
          >
            {t("searchSubmit")}
          </button>
        </form>
        {terms.length > 0 ? (
          <p className="mt-3" role="status" data-testid="transcript-results">
            {t("searchResults", { count: shown.length, query: q })}{" "}
            <Link href={`${page}?lang=${encodeURIComponent(transcript.language)}`} className="link">
              {t("searchClear")}
            </Link>
          </p>
        ) : null}
      </div>

      {terms.length === 0 ? (
        <nav aria-labelledby="transcript-contents" className="space-y-2">
          <h2 id="transcript-contents" className="text-xl font-semibold">
            {t("contentsHeading")}
          </h2>
          <ol className="space-y-1">
            {transcript.segments.map((s) => (
              <li key={s.id} className={s.kind === "QUESTION" ? "ps-6" : undefined}>
                <a href={`#${s.anchor}`} className="link" dir="auto">
                  {segmentHeading(t, s)}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}

      <div className="space-y-6" data-testid="transcript-segments">
        {shown.map((s) => (
          <section key={s.id} id={s.anchor} aria-labelledby={`${s.anchor}-heading`} className="scroll-mt-24 space-y-2 border-t border-slate-200 pt-4">
            {s.kind === "PRESENTATION" ? (
              <h2 id={`${s.anchor}-heading`} className="text-2xl font-semibold" dir="auto">
                {segmentHeading(t, s)}
              </h2>
            ) : (
              <h3 id={`${s.anchor}-heading`} className="text-lg font-semibold" dir="auto">
                {segmentHeading(t, s)}
              </h3>
            )}
            {s.edited ? <p className="text-sm text-slate-700">{t("edited")}</p> : null}
            <div lang={textLang} dir="auto" className="space-y-3">
              <SegmentText text={s.text} terms={terms} empty={t("empty")} />
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
