import { describe, expect, it } from "vitest";
import { findMatches, highlight, matchesAll, searchTerms, SEARCH_LIMITS } from "@/lib/transcripts/search";

describe("searching a transcript", () => {
  it("folds case and diacritics in every script, and ignores a blank query", () => {
    expect(searchTerms("  Éducation  ")).toEqual(["education"]);
    expect(searchTerms("   ")).toEqual([]);
    expect(matchesAll(["L'ÉDUCATION numérique"], searchTerms("education numerique"))).toBe(true);
    expect(matchesAll(["Всё о спектре"], searchTerms("все"))).toBe(true);
    // Arabic vowel marks are marks: the word is found with or without them.
    expect(matchesAll(["الطَّيْف الترددي"], searchTerms("الطيف"))).toBe(true);
    expect(matchesAll(["频谱管理"], searchTerms("频谱"))).toBe(true);
    expect(matchesAll(["spectrum"], searchTerms("spectrum satellites"))).toBe(false);
  });

  it("keeps at most the limit's words, longest first, each once", () => {
    expect(searchTerms("a bb a ccc")).toEqual(["ccc", "bb", "a"]);
    expect(searchTerms(Array.from({ length: 20 }, (_, i) => `w${i}`).join(" "))).toHaveLength(SEARCH_LIMITS.terms);
  });

  it("gives the original text's ranges, merged where matches overlap", () => {
    const text = "Él habló del ÉXITO y del éxito";
    expect(findMatches(text, searchTerms("exito")).map((r) => text.slice(r.start, r.end))).toEqual(["ÉXITO", "éxito"]);
    expect(findMatches("spectrum", searchTerms("spec ectr"))).toEqual([{ start: 0, end: 6 }]);
    // A ligature folds to two letters; a match inside it marks the whole character.
    expect(findMatches("ﬁnance", searchTerms("f"))).toEqual([{ start: 0, end: 1 }]);
  });

  it("cuts the text into plain and matched pieces, markup left as text for the page to escape", () => {
    expect(highlight("<b>spectrum</b> & Spectrum", searchTerms("spectrum"))).toEqual([
      { text: "<b>", match: false },
      { text: "spectrum", match: true },
      { text: "</b> & ", match: false },
      { text: "Spectrum", match: true },
    ]);
    expect(highlight("nothing here", [])).toEqual([{ text: "nothing here", match: false }]);
    expect(highlight("", ["x"])).toEqual([{ text: "", match: false }]);
  });
});
