import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { HiddenField, SubmitButton } from "@/components/forms/fields";
import type { CurrentUser } from "@/lib/auth/current-user";
import { Link } from "@/lib/i18n/navigation";
import { formatInstant } from "@/lib/time/format";
import { getTranscriptsForAdmin } from "@/lib/transcripts/admin-queries";
import { buildHearingTranscript } from "./transcript-actions";

/** The language's name in the console's language; "floor" is the original speech. */
export function transcriptLanguageName(t: (key: "languageFloor") => string, locale: string, language: string): string {
  return language === "floor" ? t("languageFloor") : (new Intl.DisplayNames([locale], { type: "language" }).of(language) ?? language);
}

/**
 * The hearing console's transcripts (docs/decisions/041-transcript.md): per caption language,
 * build (or rebuild, confirmed, saying how many corrections it drops), then correct and mark
 * official on the transcript's own page. What the hearing's state forbids is not offered.
 */
export async function TranscriptSection({
  user,
  locale,
  conferenceId,
  slug,
  hearingId,
  zone,
}: {
  user: CurrentUser;
  locale: string;
  conferenceId: string;
  slug: string;
  hearingId: string;
  zone: string;
}) {
  const t = await getTranslations({ locale, namespace: "adminTranscript" });
  const pub = await getTranslations({ locale, namespace: "transcript" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const state = await getTranscriptsForAdmin(user, { conferenceId, hearingId });
  if (!state) return null;
  const name = (language: string) => transcriptLanguageName(pub, locale, language);
  const open = state.ended && !state.conferenceClosed;

  return (
    <section aria-labelledby="transcripts" className="space-y-4" data-testid="transcripts-admin">
      <h2 id="transcripts" className="text-2xl font-semibold">
        {t("heading")}
      </h2>
      <p className="max-w-prose">{t("intro")}</p>
      {!state.ended ? <p>{t("waits")}</p> : null}
      {state.conferenceClosed ? <p>{t("closedConference")}</p> : null}
      {state.ended && state.languages.length === 0 ? <p>{t("noCaptionsYet")}</p> : null}
      <ul className="space-y-4">
        {state.languages.map(({ language, cues, transcript }) => (
          <li key={language} className="space-y-2 rounded border border-slate-300 p-4" data-testid={`transcript-${language}`}>
            <h3 className="text-lg font-semibold">{t("languageRow", { language: name(language), cues })}</h3>
            {transcript ? (
              <>
                <p>
                  {t("state", {
                    at: formatInstant(locale, transcript.builtAt, zone),
                    version: transcript.version,
                    segments: transcript.segments,
                    edited: transcript.edited,
                  })}{" "}
                  {transcript.officialAt ? t("officialState", { at: formatInstant(locale, transcript.officialAt, zone) }) : t("unofficialState")}
                </p>
                {transcript.unassigned > 0 ? <p className="text-sm text-slate-700">{t("unassigned", { count: transcript.unassigned })}</p> : null}
                <p className="flex flex-wrap gap-x-6 gap-y-2">
                  <Link href={`/admin/conferences/${encodeURIComponent(slug)}/hearing/transcript/${language}`} className="link">
                    {t("edit")}
                  </Link>
                  <Link href={`/hearing/${encodeURIComponent(hearingId)}/transcript?lang=${language}`} className="link">
                    {t("view")}
                  </Link>
                </p>
              </>
            ) : (
              <p>{t("notBuilt")}</p>
            )}
            {open && cues > 0 && !transcript?.officialAt ? (
              <ActionForm action={buildHearingTranscript} label={`${transcript ? t("rebuild") : t("build")}: ${name(language)}`}>
                <HiddenField name="conferenceId" value={conferenceId} />
                <HiddenField name="hearingId" value={hearingId} />
                <HiddenField name="language" value={language} />
                {transcript ? (
                  <>
                    <HiddenField name="expectedVersion" value={String(transcript.version)} />
                    <ConfirmButton
                      label={t("rebuild")}
                      title={t("rebuildTitle", { language: name(language) })}
                      consequence={t("rebuildConsequence", { edited: transcript.edited })}
                      confirmLabel={t("rebuildConfirm")}
                      testId={`rebuild-${language}`}
                    />
                  </>
                ) : (
                  <SubmitButton pendingLabel={admin("saving")}>{t("build")}</SubmitButton>
                )}
              </ActionForm>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
