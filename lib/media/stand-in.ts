// The demo's stand-in webcast and recording, as long as the demo needs them
// (docs/decisions/039-interpretation-and-player.md): the committed fixture is four seconds of
// video and seven audio renditions (public/media/interpretation, made by
// scripts/media/make-interpretation-fixture.sh); these playlists repeat its one segment per
// rendition, each repeat after a discontinuity, so that the PP-18 archive's recording lasts as
// long as its hearing did (its chapters open at hours, not seconds). Only text is generated; the
// bytes are the fixture's. Pure.

export const STAND_IN_SEGMENT_SECONDS = 4;
/** Ten hours: longer than any hearing of the demo, short enough to stay a small playlist. */
export const STAND_IN_MAX_SECONDS = 36_000;

const FIXTURE = "/media/interpretation";
export const STAND_IN_RENDITIONS = ["floor", "ar", "en", "es", "fr", "ru", "zh"] as const;
type Rendition = (typeof STAND_IN_RENDITIONS)[number] | "video";

/** Each rendition as the fixture's master playlist names it: the floor first and the default. */
const AUDIO: Record<(typeof STAND_IN_RENDITIONS)[number], { name: string; language: string }> = {
  floor: { name: "Floor", language: "mul" },
  ar: { name: "العربية", language: "ar" },
  en: { name: "English", language: "en" },
  es: { name: "Español", language: "es" },
  fr: { name: "Français", language: "fr" },
  ru: { name: "Русский", language: "ru" },
  zh: { name: "中文", language: "zh" },
};

/** A whole number of seconds within bounds: the length in the address. */
export function parseStandInLength(text: string): number | null {
  if (!/^[1-9]\d{0,5}$/.test(text)) return null;
  const seconds = Number(text);
  return seconds <= STAND_IN_MAX_SECONDS ? seconds : null;
}

/** "master.m3u8", "video.m3u8" or "<rendition>.m3u8": which playlist; null for anything else. */
export function parseStandInFile(text: string): "master" | Rendition | null {
  const match = /^([a-z]+)\.m3u8$/.exec(text);
  if (!match) return null;
  const name = match[1] as string;
  if (name === "master" || name === "video") return name;
  return (STAND_IN_RENDITIONS as readonly string[]).includes(name) ? (name as Rendition) : null;
}

export function standInMaster(): string {
  const audio = STAND_IN_RENDITIONS.map((r, i) => {
    const { name, language } = AUDIO[r];
    const first = i === 0 ? "YES" : "NO";
    return `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="${name}",LANGUAGE="${language}",DEFAULT=${first},AUTOSELECT=YES,URI="${r}.m3u8"`;
  });
  return [
    "#EXTM3U",
    "#EXT-X-VERSION:7",
    "#EXT-X-INDEPENDENT-SEGMENTS",
    ...audio,
    '#EXT-X-STREAM-INF:BANDWIDTH=120000,AVERAGE-BANDWIDTH=80000,CODECS="avc1.42c01e,mp4a.40.2",RESOLUTION=160x90,FRAME-RATE=10.000,AUDIO="audio"',
    "video.m3u8",
    "",
  ].join("\n");
}

/** One rendition's media playlist: every segment from the start, each after the first a discontinuity, then the end. */
export function standInPlaylist(rendition: Rendition, seconds: number): string {
  const init = `${FIXTURE}/${rendition}/init.mp4`;
  const segment = `#EXTINF:${STAND_IN_SEGMENT_SECONDS}.000000,\n${FIXTURE}/${rendition}/0.m4s`;
  const lines = [
    "#EXTM3U",
    "#EXT-X-VERSION:7",
    `#EXT-X-TARGETDURATION:${STAND_IN_SEGMENT_SECONDS + 1}`,
    "#EXT-X-MEDIA-SEQUENCE:0",
    "#EXT-X-PLAYLIST-TYPE:VOD",
    `#EXT-X-MAP:URI="${init}"`,
  ];
  for (let i = 0; i < Math.ceil(seconds / STAND_IN_SEGMENT_SECONDS); i++) {
    if (i > 0) lines.push("#EXT-X-DISCONTINUITY");
    lines.push(segment);
  }
  lines.push("#EXT-X-ENDLIST");
  return lines.join("\n") + "\n";
}
