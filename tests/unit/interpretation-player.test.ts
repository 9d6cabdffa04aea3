import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { interpretationSchema } from "@/lib/hearings/interpretation-schema";
import { webcastSourceValid } from "@/lib/hearings/rules";
import { isOwnMediaPath } from "@/lib/materials/video-playback";
import { audioLabel, baseLanguage, defaultAudio, isFloor, languageList, type AudioRendition } from "@/lib/video/audio-choice";
import { PLAYER_LABELS, PLAYER_PLACEHOLDERS, playerDictionary } from "@/lib/video/player-labels";

// docs/decisions/039-interpretation-and-player.md

const fixture: AudioRendition[] = [
  { language: "mul", label: "Floor" },
  { language: "ar", label: "العربية" },
  { language: "en", label: "English" },
  { language: "fr", label: "Français" },
];

describe("the audio rendition a viewer starts on", () => {
  it("is the interpretation into the page's language when there is one", () => {
    expect(defaultAudio(fixture, "ar")).toBe(1);
    expect(defaultAudio(fixture, "fr")).toBe(3);
    // A regional variant or a three-letter code is the same language.
    expect(defaultAudio(fixture, "fr-CH")).toBe(3);
    expect(
      defaultAudio(
        [
          { language: "fra", label: "" },
          { language: "", label: "Original" },
        ],
        "fr",
      ),
    ).toBe(0);
  });

  it("is the floor otherwise, wherever it is in the list, and nothing when neither can be told", () => {
    expect(defaultAudio(fixture, "ru")).toBe(0);
    expect(
      defaultAudio(
        [
          { language: "en", label: "English" },
          { language: "und", label: "Room" },
        ],
        "zh",
      ),
    ).toBe(1);
    expect(defaultAudio([{ language: "en", label: "English" }], "zh")).toBe(-1);
    expect(defaultAudio([], "en")).toBe(-1);
  });

  it("never takes a floor labelled in a language for that language's interpretation", () => {
    // A floor whose name says it is the floor stays the floor, even with a language code.
    expect(isFloor({ language: "en", label: "Floor (original)" })).toBe(true);
    expect(
      defaultAudio(
        [
          { language: "en", label: "Floor" },
          { language: "en", label: "English" },
        ],
        "en",
      ),
    ).toBe(1);
  });

  it("reads language codes loosely: case, regions, ISO 639-2", () => {
    expect([baseLanguage("FR-ch"), baseLanguage("zh_Hans"), baseLanguage("ara"), baseLanguage("chi"), baseLanguage("MUL")]).toEqual([
      "fr",
      "zh",
      "ar",
      "zh",
      "mul",
    ]);
  });
});

describe("what the audio menu calls each rendition", () => {
  it("names the floor with the page's words and each interpretation by its language, in the page's language", () => {
    expect(audioLabel(fixture[0]!, "ar", "صوت القاعة")).toBe("صوت القاعة");
    expect(audioLabel(fixture[2]!, "fr", "Parquet")).toBe("Anglais");
    expect(audioLabel(fixture[1]!, "en", "Floor")).toBe("Arabic");
    expect(audioLabel(fixture[3]!, "ru", "Зал")).toBe("Французский");
  });

  it("keeps the stream's own name for a code no one knows", () => {
    expect(audioLabel({ language: "qaa", label: "Sign language" }, "en", "Floor")).toBe("Sign language");
  });

  it("lists the declared languages in the page's language", () => {
    expect(languageList(["ar", "en", "fr"], "en")).toBe("Arabic, English, and French");
    expect(languageList(["ar", "en", "fr"], "fr")).toBe("arabe, anglais et français");
  });
});

describe("the secretariat's declaration of the languages", () => {
  const parse = (input: Record<string, unknown>) => interpretationSchema.safeParse({ hearingId: "h1", ...input });

  it("takes the ticked languages, in the list's order, each once", () => {
    expect(parse({ "language-zh": "on", "language-ar": "on", conferenceId: "x" })).toMatchObject({
      success: true,
      data: { hearingId: "h1", languages: ["ar", "zh"] },
    });
    expect(parse({})).toMatchObject({ success: true, data: { languages: [] } });
  });

  it("refuses a language that is not one of the six, and a value other than a tick", () => {
    const unknown = parse({ "language-de": "on" });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]).toMatchObject({ path: ["language-de"], message: "adminInterpretation.languageUnknown" });
    const odd = parse({ "language-fr": "yes" });
    expect(odd.error?.issues[0]).toMatchObject({ path: ["language-fr"], message: "adminInterpretation.languageInvalid" });
    expect(interpretationSchema.safeParse({}).success).toBe(false);
  });
});

describe("a video the portal serves itself", () => {
  it("is a path under /media/ ending in .m3u8 or .mp4, nothing else", () => {
    expect(isOwnMediaPath("/media/interpretation/master.m3u8")).toBe(true);
    expect(isOwnMediaPath("/media/a.mp4")).toBe(true);
    for (const bad of ["/media/../api/files/x.m3u8", "//evil.example/media/a.m3u8", "/media/a.m3u8?x=1", "/api/files/a.mp4", "media/a.m3u8", "/media/a.ts"]) {
      expect(isOwnMediaPath(bad), bad).toBe(false);
    }
  });

  it("is a valid webcast or recording address", () => {
    expect(webcastSourceValid("URL", "/media/interpretation/master.m3u8")).toBe(true);
    expect(webcastSourceValid("URL", "/elsewhere/master.m3u8")).toBe(false);
  });
});

describe("the player's words", () => {
  const catalogue = (locale: string) =>
    JSON.parse(readFileSync(`lib/i18n/messages/${locale}/player.json`, "utf8")) as { controls: Record<string, string>; interpretation: { floor: string } };

  it("exist in all six languages for every label the player shows, with media-chrome's placeholders kept", () => {
    for (const locale of ["ar", "en", "es", "fr", "ru", "zh"]) {
      const controls = catalogue(locale).controls;
      expect(Object.keys(controls).sort(), locale).toEqual(Object.keys(PLAYER_LABELS).sort());
      for (const [key, text] of Object.entries(controls)) {
        const wanted = (PLAYER_LABELS[key as keyof typeof PLAYER_LABELS].match(/\{\w+\}/g) ?? []).sort();
        expect((text.match(/\{\w+\}/g) ?? []).sort(), `${locale} ${key}`).toEqual(wanted);
        expect(text.trim(), `${locale} ${key}`).not.toBe("");
      }
    }
  });

  it("become media-chrome's dictionary, keyed by its English text", () => {
    const dictionary = playerDictionary((key) => catalogue("ar").controls[key] ?? "");
    expect(dictionary.Play).toBe("تشغيل");
    expect(dictionary["seek back {seekOffset} seconds"]).toBe("رجوع {seekOffset} ثانية");
    expect(Object.keys(PLAYER_PLACEHOLDERS).every((name) => Object.values(PLAYER_LABELS).some((english) => english.includes(`{${name}}`)))).toBe(true);
  });
});
