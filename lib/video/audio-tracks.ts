// The player's audio renditions in the browser: the alternate audio of an HLS stream, as
// Mux's player lists them (media-tracks' AudioTrackList on its media element). Which one
// starts and what each is called are decided by lib/video/audio-choice.ts.
import { audioLabel, defaultAudio, type AudioRendition } from "./audio-choice";

type Track = { id: string; kind: string; language: string; label: string; enabled: boolean };
type TrackList = EventTarget & Iterable<Track>;
type Media = {
  audioTracks?: unknown;
  addAudioTrack?: (kind: string, label?: string, language?: string) => Track;
  removeAudioTrack?: (track: Track) => void;
};

/**
 * Names the renditions in the page's language and starts on the page's language or the
 * floor; a later list of the same renditions (a reload of the stream) keeps whatever the
 * viewer chose since. Returns the way to stop following.
 *
 * The names are given as each rendition is made: the audio menu reads a rendition's name when
 * it arrives and never again, so a rendition renamed afterwards would keep the stream's name.
 * Renditions made before this follows (the player can load its stream before it is in the
 * page) are made again, in their order and with their ids: the menu then reads the
 * new names. The element may replace its list when it connects: the list is read each time,
 * never kept.
 */
export function followAudioChoice(element: object, locale: string, floorLabel: string): () => void {
  // Mux's media element, with media-tracks' list and the method its stream adds renditions by.
  const media = element as Media;
  const listOf = () => {
    const list = media.audioTracks as TrackList | undefined;
    return list && typeof list.addEventListener === "function" ? list : null;
  };
  const original = new WeakMap<Track, AudioRendition>();
  const key = (r: AudioRendition) => `${r.language}\u0000${r.label}`;
  const renditionOf = (track: Track) => original.get(track) ?? { language: track.language, label: track.label };
  let chosen: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watched: TrackList | null = null;

  // The viewer's own choice, kept for a reload of the stream.
  const onChange = () => {
    const on = [...(listOf() ?? [])].find((t) => t.enabled);
    if (on) chosen = key(renditionOf(on));
  };
  const settle = () => {
    const list = listOf();
    if (!list) return;
    remake(list);
    if (watched !== list) {
      watched?.removeEventListener("change", onChange);
      list.addEventListener("change", onChange);
      watched = list;
    }
    const tracks = [...list];
    const renditions = tracks.map(renditionOf);
    const index = chosen === null ? defaultAudio(renditions, locale) : renditions.findIndex((r) => key(r) === chosen);
    const target = tracks[index];
    if (target && !target.enabled) {
      // One rendition plays: the one enabled (the others off first, so none is read in between).
      for (const track of tracks) if (track !== target) track.enabled = false;
      target.enabled = true;
    }
    if (target) chosen = key(renditions[index]!);
  };
  // Renditions arrive one at a time, in one go: settle once they are all there.
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(settle, 0);
  };

  // Renditions made without the names (before following): all made again, so the order stays.
  // Which one plays is left to settle, which runs next.
  const remake = (list: TrackList) => {
    const tracks = [...list];
    if (tracks.every((t) => original.has(t)) || typeof media.removeAudioTrack !== "function" || typeof media.addAudioTrack !== "function") return;
    const before = tracks.map((t) => ({ id: t.id, kind: t.kind, ...renditionOf(t) }));
    for (const track of tracks) media.removeAudioTrack(track);
    for (const made of before) media.addAudioTrack(made.kind, made.label, made.language).id = made.id;
  };

  const add = media.addAudioTrack;
  if (typeof add === "function") {
    media.addAudioTrack = function (kind, label = "", language = "") {
      const track = add.call(this, kind, audioLabel({ language, label }, locale, floorLabel), language);
      original.set(track, { language, label });
      schedule();
      return track;
    };
  }
  const first = listOf();
  first?.addEventListener("addtrack", schedule);
  if (first && [...first].length > 0) schedule();
  return () => {
    clearTimeout(timer);
    first?.removeEventListener("addtrack", schedule);
    watched?.removeEventListener("change", onChange);
    // The element's own method again.
    if (typeof add === "function") delete media.addAudioTrack;
  };
}
