"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { VideoPlayer, type VideoTrack } from "@/components/video/video-player";
import { webcastBox, type PublicHearingStatus } from "@/lib/hearings/public-status";
import type { WebcastAccessDecision } from "@/lib/hearings/webcast";
import { Link } from "@/lib/i18n/navigation";
import type { HearingAskSetup } from "./hearing-ask-form";
import { LiveCaptions } from "./live-captions";
import { LivePanel } from "./live-panel";
import { useIsLive } from "./live-upgrade";

// The per-visitor part of the cached webcast page: asks the hearing's webcast route what
// this visitor may watch (a members-only stream needs a member signed in) and whether they
// may send questions, then shows the player or says why not and how to sign in; and the
// live panel, with the question form when questions are open to this visitor. The player
// appears only when there is something to play (lib/hearings/public-status.ts): before the
// start the box says when the webcast begins, never a player's error.

type Reply = { access: WebcastAccessDecision; mayAsk: boolean };

type Props = {
  hearingId: string;
  /** The page's own path without the locale, for the sign-in's way back. */
  path: string;
  playerTitle: string;
  /** As the cached page says; "scheduled" turns to "live" when /api/live lists the hearing. */
  status: PublicHearingStatus;
  /** Whether a stream is configured (its address stays on the server). */
  hasStream: boolean;
  ask: HearingAskSetup;
  /** Text tracks for the player (captions, subtitles, chapters), passed on as they are. */
  tracks?: ReadonlyArray<VideoTrack>;
};

export function HearingWebcast({ hearingId, path, playerTitle, status: cached, hasStream, ask, tracks }: Props) {
  const t = useTranslations("hearingLive.webcast");
  const box = useTranslations("hearingPublic.webcast");
  const panel = useTranslations("hearingLive.panel");
  const members = useTranslations("membersLive");
  const locale = useLocale();
  const liveNow = useIsLive(hearingId);
  const status = cached === "scheduled" && liveNow ? "live" : cached;
  const ended = status === "ended" || status === "recording";
  const shows = webcastBox(status, hasStream);
  const [reply, setReply] = useState<Reply | "loading" | "failed">("loading");

  useEffect(() => {
    let current = true;
    fetch(`/api/hearings/${encodeURIComponent(hearingId)}/webcast`, { headers: { accept: "application/json" }, cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<Reply>) : Promise.reject(new Error(String(response.status)))))
      .then((body) => current && setReply(body))
      .catch(() => current && setReply("failed"));
    return () => {
      current = false;
    };
  }, [hearingId]);

  const restricted = typeof reply === "object" && (reply.access.kind === "signInNeeded" || reply.access.kind === "notAllowed");
  const membersOnly =
    typeof reply === "object" && restricted ? (
      <div className="max-w-prose space-y-2 rounded border border-amber-400 bg-amber-50 p-3" data-testid="webcast-members-only">
        <p>{t("membersOnly")}</p>
        {reply.access.kind === "signInNeeded" ? (
          <p>
            <Link
              href={`/sign-in?next=${encodeURIComponent(`/${locale}${path}`)}`}
              className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4"
              data-testid="webcast-sign-in"
            >
              {t("signIn")}
            </Link>
          </p>
        ) : (
          <p>{t("notAllowed")}</p>
        )}
      </div>
    ) : null;

  let stream;
  if (shows === "startsLater" || shows === "recordingLater")
    stream = (
      <>
        <p
          className="max-w-prose rounded border border-slate-300 bg-slate-50 p-4"
          data-testid={shows === "startsLater" ? "webcast-starts-later" : "webcast-recording-later"}
        >
          {box(shows)}
        </p>
        {membersOnly}
      </>
    );
  else if (shows === "none") stream = <p data-testid="webcast-no-stream">{t("noStream")}</p>;
  else if (reply === "loading") stream = <p className="text-slate-700">{t("streamLoading")}</p>;
  else if (reply === "failed") stream = <p role="alert">{t("streamFailed")}</p>;
  else if (reply.access.kind === "play")
    stream = (
      <VideoPlayer
        playback={reply.access.playback}
        title={playerTitle}
        streamType={ended ? "on-demand" : "live"}
        failure={ended ? box("recordingFailed") : box("liveFailed")}
        tracks={tracks}
        followsAddress={ended}
      />
    );
  else if (reply.access.kind === "none") stream = <p data-testid="webcast-no-stream">{t("noStream")}</p>;
  else stream = membersOnly;
  // The live player with its captions under or over it (docs/decisions/040-captions.md).
  if (!ended && typeof reply === "object" && reply.access.kind === "play") stream = <LiveCaptions hearingId={hearingId}>{stream}</LiveCaptions>;

  const mayAsk = typeof reply === "object" && reply.mayAsk;
  // Questions follow the stream (one rule, lib/hearings/webcast-rules.ts), and so does the live
  // panel: its stream refuses a viewer who may not watch, so it is not opened for one. Until the
  // route answers, nothing; if it fails, the panel, whose stream decides for itself.
  const followsLive = reply === "failed" || mayAsk;
  return (
    <>
      <section aria-labelledby="webcast-stream" className="space-y-3">
        <h2 id="webcast-stream" className="text-2xl font-semibold">
          {t("streamHeading")}
        </h2>
        {stream}
      </section>
      {followsLive ? (
        <LivePanel hearingId={hearingId} ask={mayAsk ? ask : undefined} />
      ) : typeof reply === "object" ? (
        // A members-only hearing says only that it is under way: its panel is the members' (docs/decisions/027-same-origin-and-members-only-stream.md).
        <section aria-labelledby="live-heading" className="space-y-2 rounded border border-slate-300 p-4" data-testid="live-members-only">
          <h2 id="live-heading" className="text-2xl font-semibold">
            {panel("heading")}
          </h2>
          <p>{status === "live" ? members("underWay") : members("membersOnly")}</p>
        </section>
      ) : null}
      {typeof reply === "object" && !reply.mayAsk && !ended ? (
        <p className="max-w-prose" data-testid="hearing-ask-members-only">
          {t("askMembersOnly")}
        </p>
      ) : null}
    </>
  );
}
