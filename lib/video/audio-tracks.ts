// The player's audio renditions in the browser: the alternate audio of an HLS stream, as
// Mux's player lists them (media-tracks' AudioTrackList on its media element). Which one
// starts and what each is called are decided by lib/video/audio-choice.ts.
import { audioLabel, defaultAudio, type AudioRendition } from "./audio-choice";

type Track = { language: string; label: string; enabled: boolean };
type TrackList = EventTarget & Iterable<Track>;

/**
 * Names the renditions in the page's language and starts on the page's language or the
 * floor; a later list of the same renditions (a reload of the stream) keeps whatever the
 * viewer chose since. Returns the way to stop following.
 */
export function followAudioChoice(media: { audioTracks?: unknown }, locale: string, floorLabel: string): () => void {
  const list = media.audioTracks as TrackList | undefined;
  if (!list || typeof list.addEventListener !== "function") return () => undefined;
  const original = new WeakMap<Track, AudioRendition>();
  const key = (r: AudioRendition) => `${r.language}\u0000${r.label}`;
  let chosen: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const settle = () => {
    const tracks = [...list];
    for (const track of tracks) {
      if (!original.has(track)) original.set(track, { language: track.language, label: track.label });
      track.label = audioLabel(original.get(track)!, locale, floorLabel);
    }
    const renditions = tracks.map((t) => original.get(t)!);
    const index = chosen === null ? defaultAudio(renditions, locale) : renditions.findIndex((r) => key(r) === chosen);
    const target = tracks[index];
    if (target && !target.enabled) {
      // One rendition plays: the one enabled (the others off first, so none is read in between).
      for (const track of tracks) if (track !== target) track.enabled = false;
      target.enabled = true;
    } else {
      // Nothing to switch: a change still tells the audio menu to read the new names.
      list.dispatchEvent(new Event("change"));
    }
    if (target) chosen = key(renditions[index]!);
  };
  // Renditions arrive one event each, in one go: settle once they are all there.
  const onAdd = () => {
    clearTimeout(timer);
    timer = setTimeout(settle, 0);
  };
  const onChange = () => {
    const on = [...list].find((t) => t.enabled);
    const rendition = on && original.get(on);
    if (rendition) chosen = key(rendition);
  };
  list.addEventListener("addtrack", onAdd);
  list.addEventListener("change", onChange);
  if ([...list].length > 0) onAdd();
  return () => {
    clearTimeout(timer);
    list.removeEventListener("addtrack", onAdd);
    list.removeEventListener("change", onChange);
  };
}
