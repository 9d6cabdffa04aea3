import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChapterList } from "@/components/hearing/chapter-list";
import { HearingWebcast } from "@/components/hearing/hearing-webcast";
import { ReaderTime } from "@/components/time/local-time";
import type { VideoTrack } from "@/components/video/video-player";
import { HONEYPOT_FIELD } from "@/lib/abuse/honeypot";
import { getCachedPublicHearingId, getHearingReplay } from "@/lib/hearings/after-queries";
import { getCachedPublicRecord } from "@/lib/hearings/public-record";
import { getCachedPublicWrittenAnswers } from "@/lib/hearings/after-hearing-queries";
import { HEARING_QUESTION_LIMITS } from "@/lib/hearings/questions-schema";
import { getCachedWebcastView } from "@/lib/hearings/webcast";
import { ClientMessages, type MessagePath } from "@/lib/i18n/client-messages";
import { memberStateChoices } from "@/lib/member-states/choices";
import { Link } from "@/lib/i18n/navigation";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { publicHearingStatus } from "@/lib/hearings/public-status";
import { trackSrcLang } from "@/lib/captions/languages";
import { getCachedHearingCaptionLanguages } from "@/lib/captions/tracks";
import { getCachedTranscriptLanguages } from "@/lib/transcripts/queries";
import { languageList } from "@/lib/video/audio-choice";
import { HearingStatus } from "./hearing-status";
import { CostShares } from "./cost-shares";
import { HearingRecord } from "./hearing-record";
import { TranscriptPartLink } from "./transcript-link";
import { WrittenAnswers, writtenAnswersAnchor } from "./written-answers";

/**
 * The hearing's webcast page (¶6, ¶7). Cached for everyone, revalidated by TAGS.hearings:
 * nothing in it depends on the visitor. What does — a members-only stream and who may send
 * questions — is asked by the browser of /api/hearings/[id]/webcast, per request; the live
 * panel follows the hearing over its event stream.
 */
const WEBCAST_MESSAGES = [
  "time",
  "hearingLive.ask",
  // The ask form's source fields only (docs/fairness.md#question-sources): refusals come translated from the route.
  "questionSources.legend",
  "questionSources.legendHelp",
  "questionSources.kind",
  "questionSources.state",
  "questionSources.stateHelp",
  "questionSources.chooseState",
  "questionSources.origin",
  "questionSources.originHelp",
  "questionSources.consent",
  "questionSources.consentHelp",
  "hearingLive.panel",
  "hearingClocks.live",
  "hearingLive.webcast",
  "hearingPublic.webcast",
  "forum.ask",
  "liveConnection",
  "liveFallback",
  "membersLive",
  "mediaOrigins.refused",
  "video.playFailed",
  "video.retry",
  "captions",
  "site.notice",
] as const satisfies readonly MessagePath[];

export async function WebcastView({ locale, requested }: { locale: string; requested?: string }) {
  const t = await getTranslations({ locale, namespace: "hearingLive.webcast" });
  const player = await getTranslations({ locale, namespace: "player" });
  const hearingId = await getCachedPublicHearingId(requested);
  if (requested !== undefined && !hearingId) notFound();
  const [view, replay, record] = hearingId
    ? await Promise.all([getCachedWebcastView(hearingId), getHearingReplay(hearingId), getCachedPublicRecord(hearingId)])
    : [null, null, null];
  if (!view) {
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p data-testid="webcast-no-hearing">{t("noHearing")}</p>
      </div>
    );
  }
  // Its transcript, once ended (docs/decisions/041-transcript.md): each chapter and the links below lead to it.
  const transcribed = view.status === "ENDED" ? await getCachedTranscriptLanguages(view.hearingId) : null;
  const transcript = await getTranslations({ locale, namespace: "transcript" });
  // The written answers to drawn questions not reached, published with the recording (docs/fairness.md#after-the-hearing).
  const written = view.status === "ENDED" ? await getCachedPublicWrittenAnswers(view.hearingId) : null;
  const pool = await getTranslations({ locale, namespace: "hearingPool.record" });
  const zone = view.timeZone;
  const at = (iso: string) => `${formatInstant(locale, iso, zone)} (${zoneLabel(locale, zone, iso)})`;
  const number = new Intl.NumberFormat(locale);
  const suffix = requested ? `/${encodeURIComponent(requested)}` : "";

  const stage = record?.stage ?? (view.status === "LIVE" ? "RUNNING" : view.status === "ENDED" ? "ENDED" : "SET_UP");
  const status = publicHearingStatus(stage, view.recordingUrl !== null);
  const chapters = replay && replay.status === "ENDED" && replay.recordingUrl && replay.chapters.length > 0 ? replay : null;
  const interpretation = replay?.interpretationLanguages ?? [];
  // The player's text tracks: the recording's chapters, named per question in the page's language.
  const tracks: VideoTrack[] = [];
  if (chapters?.chaptersUrl)
    tracks.push({ kind: "chapters", src: `${chapters.chaptersUrl}?lang=${locale}`, srcLang: locale, label: player("chapters.trackLabel"), default: true });
  // The recording's captions, a track per language, off until the viewer turns them on (docs/decisions/040-captions.md).
  if (view.status === "ENDED" && view.recordingUrl) {
    const captionName = await getTranslations({ locale, namespace: "captions.languages" });
    for (const language of await getCachedHearingCaptionLanguages(view.hearingId))
      tracks.push({
        kind: "captions",
        src: `/api/hearings/${encodeURIComponent(view.hearingId)}/captions/${language}`,
        srcLang: trackSrcLang(language),
        label: captionName(language),
      });
  }

  return (
    // Its client islands (the live panel, the ask form, the player, the reader's own time) say only these (docs/decisions/036-page-weight.md).
    <ClientMessages locale={locale} namespaces={WEBCAST_MESSAGES}>
      <div className="space-y-8">
        <section aria-labelledby="webcast-title" className="space-y-3">
          <h1 id="webcast-title" className="text-3xl font-bold">
            {t("title")}
          </h1>
          <p className="max-w-prose text-lg">{t("intro", { conference: view.conferenceName })}</p>
        </section>

        <HearingStatus locale={locale} status={status} hearingId={view.hearingId} startsAt={view.startsAt} zone={zone} venue={view.venue} suffix={suffix} />
        <p className="max-w-prose">{t("equalTime", { presentation: view.presentationMinutes, qa: view.qaMinutes })}</p>

        <HearingWebcast
          hearingId={view.hearingId}
          path={`/hearing${suffix}`}
          playerTitle={t("playerTitle", { conference: view.conferenceName })}
          status={status}
          hasStream={view.webcastKind !== "NONE" && view.webcastSource !== null}
          tracks={tracks}
          ask={{
            hearingId: view.hearingId,
            order: view.slots.map((s) => ({ candidateId: s.candidateId, name: s.name, position: s.position })),
            limits: HEARING_QUESTION_LIMITS,
            honeypotField: HONEYPOT_FIELD,
            // The ask form's source (docs/fairness.md#question-sources): none once the hearing has ended.
            states: view.status === "ENDED" ? [] : await memberStateChoices(locale),
          }}
        />

        {interpretation.length > 0 ? (
          <section aria-labelledby="webcast-languages" className="max-w-prose space-y-2" data-testid="webcast-interpretation">
            <h2 id="webcast-languages" className="text-2xl font-semibold">
              {player("interpretation.heading")}
            </h2>
            <p>{player("interpretation.offered", { languages: languageList(interpretation, locale) })}</p>
            <p className="rounded border-s-4 border-brand-700 bg-slate-50 p-3" data-testid="floor-notice">
              {player("interpretation.floorNotice")}
            </p>
            <p>{player("interpretation.howToChoose")}</p>
          </section>
        ) : null}

        <section aria-labelledby="webcast-order" className="space-y-3">
          <h2 id="webcast-order" className="text-2xl font-semibold">
            {t("orderHeading")}
          </h2>
          {view.slots.length === 0 ? (
            <p>{t("noOrder")}</p>
          ) : (
            <ol className="space-y-2" data-testid="webcast-order">
              {view.slots.map((s) => (
                <li key={s.candidateId} className="rounded border border-slate-200 p-3">
                  <p className="font-medium">
                    {s.position === null ? t("notDrawn", { name: s.name }) : t("orderItem", { position: number.format(s.position), name: s.name })}
                  </p>
                  {s.plannedStart ? (
                    <p className="text-sm">
                      {t("plannedAt", { at: at(s.plannedStart) })}
                      <ReaderTime iso={s.plannedStart} conferenceZone={zone} />
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          {chapters ? (
            <section aria-labelledby="replay-chapters" className="space-y-2" data-testid="replay-chapters">
              <h2 id="replay-chapters" className="text-2xl font-semibold">
                {t("chaptersHeading")}
              </h2>
              <p className="text-sm text-slate-700">{player("chapters.help")}</p>
              <ChapterList
                chapters={chapters.chapters}
                questions={chapters.questionChapters}
                questionTitle={(q) => player("chapters.question", { number: number.format(q.number) })}
                extra={
                  transcribed
                    ? (item) => {
                        const name = chapters.chapters.find((c) => c.candidateId === item.candidateId)?.name ?? "";
                        const question = chapters.questionChapters.find((q) => q.questionId === item.questionId);
                        const context = question ? `${name}, ${player("chapters.question", { number: number.format(question.number) })}` : name;
                        return <TranscriptPartLink hearingId={view.hearingId} part={item} label={transcript("chapterLink")} context={context} />;
                      }
                    : undefined
                }
                after={(candidateId) => {
                  const count = written?.candidates.find((c) => c.candidateId === candidateId)?.questions.reduce((n, q) => n + q.answers.length, 0) ?? 0;
                  return count > 0 ? (
                    <a href={`#${writtenAnswersAnchor(candidateId)}`} className="link ms-2 text-sm" data-testid="chapter-written-link">
                      {pool("chapterLink", { count })}
                    </a>
                  ) : null;
                }}
              />
            </section>
          ) : null}
          <p className="flex flex-wrap gap-x-6 gap-y-2">
            <Link href={`/hearing/verify${suffix}`} className="link">
              {t("verifyLink")}
            </Link>
            <Link href={`/hearing/parity${suffix}`} className="link">
              {t("parityLink")}
            </Link>
            {view.status === "ENDED" ? (
              <Link href={`/hearing/${encodeURIComponent(view.hearingId)}/questions`} className="link" data-testid="webcast-pool-link">
                {pool("poolLink")}
              </Link>
            ) : null}
            {transcribed ? (
              <Link href={`/hearing/${encodeURIComponent(view.hearingId)}/transcript`} className="link" data-testid="webcast-transcript-link">
                {transcript("link")}
              </Link>
            ) : null}
          </p>
        </section>

        <WrittenAnswers locale={locale} answers={written} zone={zone} />
        {record ? <HearingRecord locale={locale} record={record} zone={zone} verifyHref={`/hearing/verify${suffix}`} /> : null}
        {/* The cost shares, public once the hearing has ended, are a section of their own after the record. */}
        <CostShares locale={locale} hearingId={view.hearingId} />
      </div>
    </ClientMessages>
  );
}
