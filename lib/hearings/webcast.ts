import "server-only";
import { unstable_cache } from "next/cache";
import type { Actor } from "@/lib/auth/permissions";
import { TAGS } from "@/lib/cache-tags";
import { CACHED_READ_SECONDS } from "@/lib/cache/bounds";
import { db } from "@/lib/db";
import { isOwnMediaPath, type VideoPlayback } from "@/lib/materials/video-playback";
import { playableHere } from "@/lib/materials/media-address";
import { mayFollowWebcast } from "./webcast-rules";

// The webcast page (¶6, ¶7): the running order with planned times, and what the player
// plays. The running order is public; a members-only stream is given only to whoever may
// watch it (docs/domain.md#webcast-access: the restriction is on the video, never on who speaks or the clock).
// The reader is uncached (tests); the page uses the wrapper, revalidated by TAGS.hearings.
// A cache entry crosses a JSON boundary, so instants are ISO strings.

export type WebcastSlot = { candidateId: string; name: string; position: number | null; plannedStart: string | null };

export type WebcastView = {
  hearingId: string;
  conferenceName: string;
  timeZone: string;
  startsAt: string;
  venue: string | null;
  status: "SCHEDULED" | "LIVE" | "ENDED";
  presentationMinutes: number;
  qaMinutes: number;
  webcastKind: "NONE" | "MUX_PLAYBACK_ID" | "URL";
  /** Kept on the server: a page shows it only through `webcastPlayback`. */
  webcastSource: string | null;
  webcastAccess: "PUBLIC" | "MEMBERS";
  /** After the hearing: the recording (https, HLS or MP4), kept on the server like the stream. */
  recordingUrl: string | null;
  /** SHA-256 of the secret seed, published before any draw (the seed stays on the server). */
  seedHash: string | null;
  slots: WebcastSlot[];
};

/** The hearing as the webcast page shows it, running order first to last; null when there is none. */
export async function readWebcastView(hearingId: string): Promise<WebcastView | null> {
  const hearing = await db().hearing.findUnique({
    // A rehearsal is not shown to the public (docs/decisions/018-rehearsal-hearings.md).
    where: { id: hearingId, rehearsal: false },
    select: {
      id: true,
      startsAt: true,
      venue: true,
      status: true,
      presentationMinutes: true,
      qaMinutes: true,
      webcastKind: true,
      webcastSource: true,
      webcastAccess: true,
      recordingUrl: true,
      seedHash: true,
      conference: { select: { name: true, timeZone: true } },
      slots: { select: { candidateId: true, position: true, candidate: { select: { name: true } } } },
    },
  });
  if (!hearing) return null;
  const slotMs = (hearing.presentationMinutes + hearing.qaMinutes) * 60_000;
  const slots = hearing.slots
    .map((s) => ({
      candidateId: s.candidateId,
      name: s.candidate.name,
      position: s.position,
      // Planned, equal for everyone: the real times follow the chair (see the parity report).
      plannedStart: s.position === null ? null : new Date(hearing.startsAt.getTime() + (s.position - 1) * slotMs).toISOString(),
    }))
    .sort((a, b) => (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) || a.name.localeCompare(b.name));
  return {
    hearingId: hearing.id,
    conferenceName: hearing.conference.name,
    timeZone: hearing.conference.timeZone,
    startsAt: hearing.startsAt.toISOString(),
    venue: hearing.venue,
    status: hearing.status,
    presentationMinutes: hearing.presentationMinutes,
    qaMinutes: hearing.qaMinutes,
    webcastKind: hearing.webcastKind,
    webcastSource: hearing.webcastSource,
    webcastAccess: hearing.webcastAccess,
    recordingUrl: hearing.recordingUrl,
    seedHash: hearing.seedHash,
    slots,
  };
}

export function getCachedWebcastView(hearingId: string): Promise<WebcastView | null> {
  return unstable_cache(() => readWebcastView(hearingId), ["hearing-webcast", hearingId], { tags: [TAGS.hearings], revalidate: CACHED_READ_SECONDS })();
}

export type WebcastAccessDecision = { kind: "none" } | { kind: "signInNeeded" } | { kind: "notAllowed" } | { kind: "play"; playback: VideoPlayback };

/** What `viewer` may see of the stream: nothing configured, a sign-in, a refusal, or the player's source. */
export function webcastAccess(
  view: Pick<WebcastView, "webcastKind" | "webcastSource" | "webcastAccess"> & Partial<Pick<WebcastView, "status" | "recordingUrl">>,
  viewer: Actor | null,
): WebcastAccessDecision {
  // After the hearing the page replays its recording, under the same access rule as the stream.
  const replay = view.status === "ENDED" && view.recordingUrl ? view.recordingUrl : null;
  if (!replay && (view.webcastKind === "NONE" || !view.webcastSource)) return { kind: "none" };
  if (!mayFollowWebcast(view.webcastAccess, viewer)) {
    return viewer ? { kind: "notAllowed" } : { kind: "signInNeeded" };
  }
  if (!replay && view.webcastKind === "MUX_PLAYBACK_ID" && view.webcastSource)
    return { kind: "play", playback: { kind: "mux", playbackId: view.webcastSource } };
  const address = replay ?? view.webcastSource ?? "";
  // One the portal serves itself is on this site: no origin to check (docs/decisions/039-interpretation-and-player.md).
  if (isOwnMediaPath(address))
    return { kind: "play", playback: { kind: "src", src: address, external: false, stream: /\.m3u8$/i.test(address) ? "hls" : "progressive" } };
  let hls: boolean;
  try {
    hls = /\.m3u8$/i.test(new URL(address).pathname);
  } catch {
    return { kind: "none" };
  }
  // An address on an origin no longer allowed is not played: the page says why (docs/decisions/028-media-origins.md).
  return { kind: "play", playback: playableHere({ kind: "src", src: address, external: true, stream: hls ? "hls" : "progressive" }) };
}
