import "server-only";
import { getTranslations } from "next-intl/server";
import { isLocale, routing } from "@/lib/i18n/routing";
import { formatInstant } from "@/lib/time/format";
import { transcriptJson, transcriptText } from "./export";
import { getCachedPublicTranscript, type PublicTranscript, type PublicTranscriptSegment } from "./queries";
import { isTranscriptLanguage } from "./schema";

// The two downloads' route handlers share this (docs/decisions/041-transcript.md): the same
// public read as the page (cached, TAGS.hearings), the same headers as the hearing's other
// open data (docs/decisions/030: a minute old at most).

const HEARING_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const notFound = () =>
  new Response("Not found.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });

function headers(contentType: string, fileName: string) {
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${fileName}"`,
    // An edit or the official mark changes it: a minute old at most, as every cached read (030).
    "Cache-Control": "public, max-age=60",
    // Open data, without credentials: any site may read it.
    "Access-Control-Allow-Origin": "*",
    "X-Content-Type-Options": "nosniff",
  };
}

/** The transcript a download asks for (`?lang=floor|<locale>`), with the locale of its labels (`?locale=`). */
export async function requestedTranscript(request: Request, id: string): Promise<{ transcript: PublicTranscript; locale: string } | null> {
  const params = new URL(request.url).searchParams;
  const language = params.get("lang") ?? "floor";
  const requestedLocale = params.get("locale") ?? "";
  if (!HEARING_ID.test(id) || !isTranscriptLanguage(language)) return null;
  const transcript = await getCachedPublicTranscript(id, language);
  return transcript ? { transcript, locale: isLocale(requestedLocale) ? requestedLocale : routing.defaultLocale } : null;
}

export function pagePath(locale: string, transcript: PublicTranscript) {
  return `/${locale}/hearing/${encodeURIComponent(transcript.hearingId)}/transcript?lang=${transcript.language}`;
}

export function jsonResponse(transcript: PublicTranscript, locale: string) {
  return new Response(`${JSON.stringify(transcriptJson(transcript, pagePath(locale, transcript)), null, 2)}\n`, {
    headers: headers("application/json; charset=utf-8", `transcript-${transcript.hearingId}-${transcript.language}.json`),
  });
}

type Translate = Awaited<ReturnType<typeof getTranslations<"transcript">>>;

export function languageName(t: Translate, locale: string, language: string): string {
  if (language === "floor") return t("languageFloor");
  return new Intl.DisplayNames([locale], { type: "language" }).of(language) ?? language;
}

export function segmentHeading(t: Translate, s: PublicTranscriptSegment): string {
  if (s.kind === "QUESTION")
    return s.questionBody ? t("questionTo", { name: s.candidateName, text: s.questionBody }) : t("questionToShort", { name: s.candidateName });
  return s.position === null ? t("presentationNoPosition", { name: s.candidateName }) : t("presentation", { position: s.position, name: s.candidateName });
}

export async function textResponse(transcript: PublicTranscript, locale: string) {
  const t = await getTranslations({ locale, namespace: "transcript" });
  const at = (iso: string) => formatInstant(locale, iso, transcript.timeZone);
  const header = [
    t("textTitle", { conference: transcript.conferenceName }),
    `${t("languageLabel")}: ${languageName(t, locale, transcript.language)}`,
    transcript.officialAt
      ? `${t("official")}. ${t("officialSince", { at: at(transcript.officialAt) })}`
      : `${t("notOfficial").toUpperCase()}. ${t("notOfficialHelp")}`,
    ...(transcript.withdrawnAt && transcript.withdrawnReason ? [t("withdrawn", { at: at(transcript.withdrawnAt), reason: transcript.withdrawnReason })] : []),
    ...(transcript.language === "floor" ? [] : [t("floorNote", { language: languageName(t, locale, transcript.language) })]),
    t("builtAt", { at: at(transcript.builtAt), version: transcript.version }),
  ];
  const body = transcriptText({ header, segments: transcript.segments.map((s) => ({ heading: segmentHeading(t, s), text: s.text })), empty: t("empty") });
  return new Response(body, { headers: headers("text/plain; charset=utf-8", `transcript-${transcript.hearingId}-${transcript.language}.txt`) });
}
