import { describe, expect, it } from "vitest";
import { followAudioChoice } from "@/lib/video/audio-tracks";

// docs/decisions/039-interpretation-and-player.md: which rendition starts and what the audio
// menu calls each, whether the stream's renditions arrive after the page follows them or before
// (the player can load its stream before it is in the page).

type Track = { id: string; kind: string; language: string; label: string; enabled: boolean };

/** Mux's media element as far as the renditions go: media-tracks' list, and its add and remove. */
function fakeMedia() {
  const list = Object.assign(new EventTarget(), {
    tracks: [] as Track[],
    [Symbol.iterator]() {
      return list.tracks[Symbol.iterator]();
    },
  });
  // What the menu saw: it reads a rendition's name when the rendition is added.
  const menu: string[] = [];
  // Its methods on its class, as on the real element (following replaces them on the instance).
  class Media {
    audioTracks = list;
    addAudioTrack(kind: string, label = "", language = ""): Track {
      const track = { id: "", kind, label, language, enabled: false };
      list.tracks.push(track);
      menu.push(label);
      list.dispatchEvent(new Event("addtrack"));
      return track;
    }
    removeAudioTrack(track: Track) {
      list.tracks = list.tracks.filter((t) => t !== track);
      menu.splice(menu.indexOf(track.label), 1);
      list.dispatchEvent(new Event("removetrack"));
    }
  }
  const media = new Media();
  // As Mux's player makes the stream's renditions: each with its id, the stream's default on.
  const stream = () => {
    const made = [
      ["mul", "Floor"],
      ["ar", "العربية"],
      ["en", "English"],
      ["es", "Español"],
    ].map(([language, label], i) => {
      const track = media.addAudioTrack(i === 0 ? "main" : "alternative", label, language);
      track.id = `${i}`;
      return track;
    });
    made[0]!.enabled = true;
  };
  return { media, list, menu, stream };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("the player's audio renditions", () => {
  it("are named in the page's language as the stream makes them, and start on the page's language", async () => {
    const { media, list, menu, stream } = fakeMedia();
    const stop = followAudioChoice(media, "fr", "Salle (original)");
    stream();
    await settled();
    expect(menu).toEqual(["Salle (original)", "Arabe", "Anglais", "Espagnol"]);
    expect([...list].filter((t) => t.enabled).map((t) => t.language)).toEqual(["mul"]);
    stop();
  });

  it("made before the page follows them are made again, in order, with their ids, so the menu reads the page's names", async () => {
    const { media, list, menu, stream } = fakeMedia();
    stream();
    expect(menu).toEqual(["Floor", "العربية", "English", "Español"]);
    const stop = followAudioChoice(media, "en", "Floor (original speech)");
    await settled();
    expect(menu).toEqual(["Floor (original speech)", "Arabic", "English", "Spanish"]);
    expect([...list].map((t) => [t.id, t.language])).toEqual([
      ["0", "mul"],
      ["1", "ar"],
      ["2", "en"],
      ["3", "es"],
    ]);
    // The page's language plays, and only it.
    expect([...list].filter((t) => t.enabled).map((t) => t.language)).toEqual(["en"]);
    stop();
  });

  it("keep the viewer's choice when the stream makes them again, and stop being renamed once no longer followed", async () => {
    const { media, list, menu, stream } = fakeMedia();
    const stop = followAudioChoice(media, "en", "Floor (original speech)");
    stream();
    await settled();
    // The viewer chooses Spanish.
    for (const t of list) t.enabled = t.language === "es";
    list.dispatchEvent(new Event("change"));
    // The stream reloads: its renditions are made again.
    for (const t of [...list]) media.removeAudioTrack(t);
    stream();
    await settled();
    expect([...list].filter((t) => t.enabled).map((t) => t.language)).toEqual(["es"]);
    stop();
    for (const t of [...list]) media.removeAudioTrack(t);
    stream();
    await settled();
    expect(menu).toEqual(["Floor", "العربية", "English", "Español"]);
  });
});
