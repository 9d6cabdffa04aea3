import { describe, expect, it } from "vitest";
import { localizedMetadata, normaliseOrigin, OG_LOCALES } from "@/lib/site/alternates";
import { humanZone, zoneName } from "@/lib/time/zone-name";
import { zoneLabel } from "@/lib/time/format";
import { languageName } from "@/lib/ethics/language-name";

const base = { title: "Secretary-General", description: "Candidates", siteName: "Hustings", imageAlt: "Hustings" };

describe("a public page's alternates and preview", () => {
  it("lists the six languages and x-default, all absolute, under the configured origin", () => {
    const meta = localizedMetadata({ ...base, origin: "https://hustings.example.org/", locale: "fr", path: "/posts/SG" });
    expect(meta.alternates?.canonical).toBe("https://hustings.example.org/fr/posts/SG");
    expect(meta.alternates?.languages).toEqual({
      ar: "https://hustings.example.org/ar/posts/SG",
      en: "https://hustings.example.org/en/posts/SG",
      es: "https://hustings.example.org/es/posts/SG",
      fr: "https://hustings.example.org/fr/posts/SG",
      ru: "https://hustings.example.org/ru/posts/SG",
      zh: "https://hustings.example.org/zh/posts/SG",
      "x-default": "https://hustings.example.org/posts/SG",
    });
    expect(String(meta.metadataBase)).toBe("https://hustings.example.org/");
  });

  it("gives the home page the bare locale, and x-default the site's root", () => {
    const meta = localizedMetadata({ ...base, origin: "http://localhost:3000", locale: "ar", path: "" });
    expect(meta.alternates?.canonical).toBe("http://localhost:3000/ar");
    expect((meta.alternates?.languages as Record<string, string>)["x-default"]).toBe("http://localhost:3000/");
  });

  it("describes the page in Open Graph, in its language with the five others as alternates", () => {
    const og = localizedMetadata({ ...base, origin: "https://h.example", locale: "zh", path: "candidates/abc/", type: "profile" }).openGraph as Record<
      string,
      unknown
    >;
    expect(og).toMatchObject({
      type: "profile",
      url: "https://h.example/zh/candidates/abc",
      title: "Secretary-General",
      description: "Candidates",
      siteName: "Hustings",
      locale: "zh_CN",
    });
    // The other languages are the hreflang alternates' (above), not og:locale:alternate.
    expect(og.alternateLocale).toBeUndefined();
    expect(og.images).toEqual([{ url: "https://h.example/og-image.png", width: 1200, height: 630, alt: "Hustings" }]);
    expect(Object.keys(OG_LOCALES)).toHaveLength(6);
  });

  it("encodes each segment of the path and keeps the origin's own path, query and fragment out", () => {
    const meta = localizedMetadata({ ...base, origin: "https://h.example/some/path?x=1#y", locale: "en", path: "/conferences/a b" });
    expect(meta.alternates?.canonical).toBe("https://h.example/en/conferences/a%20b");
  });

  it("refuses an origin that is not http(s)", () => {
    expect(() => normaliseOrigin("javascript:alert(1)")).toThrow();
    expect(() => normaliseOrigin("not a url")).toThrow();
  });
});

describe("time zones by name, never by id", () => {
  const at = "2018-10-29T06:00:00Z";

  it("names a zone in the reader's language, with its offset", () => {
    expect(zoneLabel("en", "Asia/Dubai", at)).toBe("Gulf Standard Time, GMT+4");
    expect(zoneLabel("fr", "Asia/Dubai", at)).toBe("heure du Golfe, UTC+4");
    expect(zoneLabel("en", "Europe/Zurich", at)).toBe("Central European Time, GMT+1");
  });

  it("never shows the IANA id of a known zone, in any of the six languages", () => {
    for (const locale of ["ar", "en", "es", "fr", "ru", "zh"]) {
      for (const zone of ["Asia/Dubai", "Europe/Zurich", "America/New_York", "Africa/Kigali", "UTC"]) {
        const label = humanZone(locale, zone, at);
        expect(label).not.toContain("/");
        expect(label.length).toBeGreaterThan(2);
      }
    }
  });

  it("names UTC by its long name rather than an offset", () => {
    expect(zoneName("en", "UTC", at)).toBe("Coordinated Universal Time");
  });

  it("falls back to the id only for a zone Intl does not know", () => {
    expect(zoneName("en", "Mars/Olympus", at)).toBeNull();
    expect(humanZone("en", "Mars/Olympus", at)).toBe("Mars/Olympus");
  });
});

describe("languages by name", () => {
  it("names a language code in the reader's language", () => {
    expect(languageName("en", "es")).toBe("Spanish");
    expect(languageName("fr", "es")).toBe("espagnol");
    expect(languageName("es", "ar")).toBe("árabe");
  });
});
