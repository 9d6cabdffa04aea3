"use client";

import dynamic from "next/dynamic";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { startFromAddress } from "@/lib/hearings/chapters";
import type { VideoPlayback } from "@/lib/materials/video-playback";
import { followAudioChoice } from "@/lib/video/audio-tracks";
import { loadPlayerLanguage } from "@/lib/video/player-language";

// Campaign videos: @mux/mux-player-react is ~320 KB gzipped (docs/toolchain.md#video-player), so it is loaded only
// when a page actually shows a video: this chunk is fetched by the browser when the
// component mounts, never rendered on the server, and never part of a page without video.
const MuxPlayer = dynamic(
  () => {
    withoutCast();
    return import("@mux/mux-player-react");
  },
  { ssr: false, loading: () => null },
);

/**
 * Chromium has `window.chrome`, and the player then inserts Google's Cast sender script
 * unless `chrome.cast` already exists. Signed-in pages allow scripts inserted by trusted
 * scripts ('strict-dynamic'), so it would run there: a third-party script beside a
 * candidate's drafts. Marking Cast as unavailable, before the player loads, keeps it out;
 * the player then simply offers no Cast button.
 */
function withoutCast() {
  const scope = globalThis as { chrome?: { cast?: unknown } };
  if (scope.chrome && !scope.chrome.cast) scope.chrome.cast = { isAvailable: false };
}

/** A text track the player loads with the video: recorded captions or subtitles per language, or its chapters. */
export type VideoTrack = {
  kind: "captions" | "subtitles" | "chapters";
  /** Same-origin address of a WebVTT file (the page's policy allows no other for media). */
  src: string;
  /** BCP 47 language of the track, e.g. "fr". */
  srcLang: string;
  /** The name the captions menu shows, in the reader's language. */
  label: string;
  default?: boolean;
};

type Props = {
  playback: VideoPlayback;
  /** The material's title: the player's accessible name and its metadata. */
  title: string;
  /** "live" for a hearing's webcast: the player then follows the live edge. */
  streamType?: "on-demand" | "live";
  /** What to say, in the reader's language, when the video cannot be played; a general sentence when not given. */
  failure?: string;
  /** Text tracks loaded with the video, as `<track>` children of the player. */
  tracks?: ReadonlyArray<VideoTrack>;
  /**
   * A recording with chapters: the player starts where the page's address says (`#t=<seconds>`)
   * and goes there, playing, when a chapter link changes it.
   */
  followsAddress?: boolean;
};

/**
 * A focus ring every control shows, thick and light on the player's dark bar (WCAG 2.4.7,
 * 2.4.13): media-chrome's default is a thin blue line hardly seen there.
 */
const FOCUS_RING = "inset 0 0 0 3px #ffd24d";
const PLAYER_STYLE: Record<`--${string}`, string> = {
  "--media-focus-box-shadow": FOCUS_RING,
  "--media-menu-item-focus-shadow": FOCUS_RING,
};

type PlayerElement = HTMLElement & {
  currentTime: number;
  play: () => Promise<void>;
  media?: (HTMLElement & { audioTracks?: unknown }) | null;
  audioTracks?: unknown;
};

/**
 * A video in a box whose 16:9 space is reserved before the player arrives (no layout shift).
 * No Mux Data beacons and no cookies (viewers of an election portal are not tracked), and no
 * Cast (see withoutCast). When the video cannot be played, the box says so in the reader's
 * language and offers to try again, instead of the player's own message in English.
 */
export function VideoPlayer({ playback, title, streamType = "on-demand", failure, tracks, followsAddress = false }: Props) {
  const t = useTranslations("video");
  const refused = useTranslations("mediaOrigins");
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  const [element, setElement] = useState<PlayerElement | null>(null);
  // React gives the player its source before it puts the player in the page, and the player
  // may start loading, and fail, in between: that "error" event reaches no listener of the
  // page. The media element keeps the failure, so it is read as the player arrives in the page
  // (docs/decisions/039-interpretation-and-player.md).
  const onPlayer = useCallback((player: PlayerElement | null) => {
    setElement(player);
    const error = (player?.media as { error?: { fatal?: boolean } | null } | null | undefined)?.error;
    if (error && error.fatal !== false) setFailed(true);
  }, []);
  const locale = useLocale();
  const [words, setWords] = useState<{ floor: string } | null>(null);
  // Where the address asks to start, read once in the browser (the page itself is cached for everyone).
  const [startTime] = useState(() => (followsAddress && typeof window !== "undefined" ? startFromAddress(location.search, location.hash) : null));

  // The player's words first, then the player: its controls take their labels when made.
  useEffect(() => {
    let current = true;
    // Should its words not arrive, the player still plays, in media-chrome's English.
    loadPlayerLanguage(locale).then(
      (loaded) => current && setWords({ floor: loaded.interpretation.floor }),
      () => current && setWords({ floor: "Floor" }),
    );
    return () => {
      current = false;
    };
  }, [locale]);

  // Interpretation: start on the page's language, else the floor, and name each rendition in the
  // page's language; before the stream's renditions arrive, so before the browser paints.
  useLayoutEffect(() => {
    if (!element || !words) return;
    return followAudioChoice(element.media ?? element, locale, words.floor);
  }, [element, words, locale]);

  // A chapter link (`#t=…`) takes the viewer there, playing, and to the player, for the keyboard.
  useEffect(() => {
    if (!followsAddress || !element) return;
    const onHash = () => {
      const seconds = startFromAddress("", location.hash);
      if (!element || seconds === null) return;
      const go = () => {
        element.currentTime = seconds;
        element.play().catch(() => undefined);
      };
      if (((element.media as { readyState?: number } | null | undefined)?.readyState ?? 0) >= 1) go();
      else element.addEventListener("loadedmetadata", go, { once: true });
      frame.current?.scrollIntoView({ block: "nearest" });
      frame.current?.focus({ preventScroll: true });
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, [followsAddress, element]);

  // The player's media element reports a failure with an "error" event that crosses the
  // player's shadow roots but does not bubble, and the player's own onError is not called for
  // it: it is caught here, on the way down (capture). A failure the player recovers from
  // (not fatal) is left to it.
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const onError = (event: Event) => {
      const error = (event.target as { error?: { fatal?: boolean } | null } | null)?.error;
      if (error && error.fatal === false) return;
      setFailed(true);
    };
    element.addEventListener("error", onError, true);
    return () => element.removeEventListener("error", onError, true);
  }, [failed, attempt]);
  // Mux's player knows two pipelines, which it names by type: HLS, and a progressive file it
  // calls "video/mp4". A WebM is progressive too (the browser reads its container itself);
  // without a type, the player guesses from the address and reports anything else as an error.
  // An address on an origin this site no longer plays from: no player, which the page's policy
  // would starve, but why (docs/decisions/028-media-origins.md).
  if (playback.kind === "refused") {
    return (
      <div
        className="flex aspect-video w-full max-w-3xl items-center justify-center rounded bg-slate-900 p-6 text-center text-white"
        data-testid="video-not-allowed"
      >
        <p role="note" className="max-w-prose">
          {refused("refused", { host: playback.host })}
        </p>
      </div>
    );
  }
  const source =
    playback.kind === "mux"
      ? { playbackId: playback.playbackId }
      : { src: playback.src, type: playback.stream === "hls" ? "application/vnd.apple.mpegurl" : "video/mp4" };
  if (failed) {
    return (
      <div
        className="flex aspect-video w-full max-w-3xl flex-col items-center justify-center gap-4 rounded bg-slate-900 p-6 text-center text-white"
        data-testid="video-failed"
      >
        <p role="alert" className="max-w-prose">
          {failure ?? t("playFailed")}
        </p>
        <button
          type="button"
          onClick={() => {
            setFailed(false);
            setAttempt((n) => n + 1);
          }}
          className="inline-flex min-h-11 items-center rounded bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-200 focus-visible:outline-white"
        >
          {t("retry")}
        </button>
      </div>
    );
  }
  return (
    <div
      ref={frame}
      tabIndex={-1}
      className="relative aspect-video w-full max-w-3xl overflow-hidden rounded bg-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      data-testid="video-frame"
    >
      {words ? (
        <MuxPlayer
          key={attempt}
          ref={onPlayer}
          {...source}
          className="absolute inset-0 h-full w-full"
          streamType={streamType}
          preload="metadata"
          title={title}
          metadataVideoTitle={title}
          disableTracking
          disableCookies
          accentColor="#0b4f8a"
          style={PLAYER_STYLE}
          startTime={startTime ?? undefined}
          data-testid="video-player"
        >
          {tracks?.map((track) => (
            <track
              key={`${track.kind}:${track.srcLang}:${track.src}`}
              kind={track.kind}
              src={track.src}
              srcLang={track.srcLang}
              label={track.label}
              default={track.default}
            />
          ))}
        </MuxPlayer>
      ) : null}
    </div>
  );
}
