import { describe, expect, it } from "vitest";
import { languageName } from "@/lib/ethics/language-name";

describe("languageName", () => {
  it("names a language in the reader's language, and keeps an unknown code as it is", () => {
    expect(languageName("en", "fr")).toBe("French");
    expect(languageName("fr", "en")).toBe("anglais");
    expect(languageName("en", "not a code!")).toBe("not a code!");
  });
});
