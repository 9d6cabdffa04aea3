import type { MaterialKind, VideoSource } from "@/lib/db/generated/enums";

// One way to say what a video material plays, for the public page, the candidate's
// preview and the Ethics Office: a Mux playback id (when Mux prepared it), the uploaded file
// (served by app/api/files with its access rules), or an external HLS/MP4 address.

/**
 * `stream`: an HLS playlist (played by hls.js, or natively where the browser can) or a
 * progressive file (MP4 or WebM, which the browser plays by itself, reading its container).
 */
export type VideoPlayback =
  | { kind: "mux"; playbackId: string }
  | { kind: "src"; src: string; external: boolean; stream: "hls" | "progressive" }
  /**
   * An external address on an origin this site no longer plays from (docs/decisions/028-media-origins.md):
   * the page says so instead of showing a player the policy would starve. Decided on the server
   * (lib/materials/media-address.ts, playableHere), never by videoPlayback itself.
   */
  | { kind: "refused"; host: string };

/**
 * A video the portal serves itself, from its own public/media folder (e.g. the demo's
 * interpretation recording): a path on this site, which every page's policy allows ('self'),
 * so no origin list applies (docs/decisions/039-interpretation-and-player.md).
 */
export const OWN_MEDIA_PATH = /^\/media\/(?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*\.(?:m3u8|mp4)$/;

export function isOwnMediaPath(address: string): boolean {
  return OWN_MEDIA_PATH.test(address);
}

/** An address is taken for HLS when its path ends in .m3u8 (what the URL form asks for). */
function streamOf(url: string): "hls" | "progressive" {
  try {
    return new URL(url, "https://invalid.example").pathname.toLowerCase().endsWith(".m3u8") ? "hls" : "progressive";
  } catch {
    return "progressive";
  }
}

export type VideoFields = {
  kind: MaterialKind;
  videoSource: VideoSource | null;
  fileKey: string | null;
  url: string | null;
  muxPlaybackId: string | null;
};

/** What the player should play, or null when the video is not there (yet). */
export function videoPlayback(m: VideoFields): VideoPlayback | null {
  if (m.kind !== "VIDEO") return null;
  switch (m.videoSource) {
    case "MUX":
      return m.muxPlaybackId ? { kind: "mux", playbackId: m.muxPlaybackId } : null;
    case "UPLOAD":
      return m.fileKey ? { kind: "src", src: `/api/files/${m.fileKey}`, external: false, stream: "progressive" } : null;
    case "URL":
      return m.url ? { kind: "src", src: m.url, external: true, stream: streamOf(m.url) } : null;
    default:
      return null;
  }
}
