import { readdirSync, readFileSync } from "node:fs";
import {
  isArgumentElement,
  isDateElement,
  isLiteralElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
} from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { NAMESPACES } from "@/lib/i18n/namespaces";
import { LOCALES } from "@/lib/i18n/routing";

// Every non-English catalog must mirror en.json key for key, keep the same ICU arguments,
// parse and format as ICU in its own locale, and actually be translated.

const MESSAGES_DIR = new URL("../../lib/i18n/messages/", import.meta.url);
const SOURCE_LOCALE = "en";
const PRODUCT_NAME = "Hustings";
// Share of leaf values (with real words in them) that may be identical to English.
const MAX_IDENTICAL_SHARE = 0.2;

type Catalog = { [key: string]: string | Catalog };

// A locale's catalog is one file per namespace (lib/i18n/namespaces.ts); a missing file
// fails here, an extra one fails the next test.
function readCatalog(locale: string): unknown {
  return Object.fromEntries(NAMESPACES.map((ns) => [ns, JSON.parse(readFileSync(new URL(`${locale}/${ns}.json`, MESSAGES_DIR), "utf8"))]));
}

describe("catalog files", () => {
  it.each(LOCALES)("%s has exactly one file per namespace", (locale) => {
    const files = readdirSync(new URL(`${locale}/`, MESSAGES_DIR)).filter((f) => f.endsWith(".json"));
    expect(files.sort()).toEqual(NAMESPACES.map((ns) => `${ns}.json`).sort());
  });
});

// Flattens a catalog to "a.b.c" -> value; a leaf that is not a string is kept as is so it can be reported.
function flatten(node: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (node !== null && typeof node === "object" && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node as Catalog)) {
      flatten(value, prefix ? `${prefix}.${key}` : key, out);
    }
  } else {
    out.set(prefix, node);
  }
  return out;
}

type ArgumentKind = "text" | "number" | "date" | "select" | "tag";

// Argument names (and rich-text tags, as "<name>") of a parsed message, with what they need as a value.
function collectArguments(elements: MessageFormatElement[], out = new Map<string, ArgumentKind>()) {
  for (const el of elements) {
    if (isArgumentElement(el)) {
      if (!out.has(el.value)) out.set(el.value, "text");
    } else if (isNumberElement(el)) {
      out.set(el.value, "number");
    } else if (isDateElement(el) || isTimeElement(el)) {
      out.set(el.value, "date");
    } else if (isPluralElement(el)) {
      out.set(el.value, "number");
      for (const option of Object.values(el.options)) collectArguments(option.value, out);
    } else if (isSelectElement(el)) {
      out.set(el.value, "select");
      for (const option of Object.values(el.options)) collectArguments(option.value, out);
    } else if (isTagElement(el)) {
      out.set(`<${el.value}>`, "tag");
      collectArguments(el.children, out);
    }
  }
  return out;
}

function collectPlurals(elements: MessageFormatElement[], out: { name: string; ordinal: boolean; keys: string[] }[] = []) {
  for (const el of elements) {
    if (isPluralElement(el)) {
      out.push({ name: el.value, ordinal: el.pluralType === "ordinal", keys: Object.keys(el.options) });
    }
    if (isPluralElement(el) || isSelectElement(el)) {
      for (const option of Object.values(el.options)) collectPlurals(option.value, out);
    } else if (isTagElement(el)) {
      collectPlurals(el.children, out);
    }
  }
  return out;
}

function literalText(elements: MessageFormatElement[]): string {
  return elements
    .map((el) => {
      if (isLiteralElement(el)) return el.value;
      if (isPluralElement(el) || isSelectElement(el)) {
        return Object.values(el.options)
          .map((option) => literalText(option.value))
          .join(" ");
      }
      if (isTagElement(el)) return literalText(el.children);
      return "";
    })
    .join("");
}

// The categories a locale actually uses for whole numbers (French and Spanish "many" only
// applies to millions in compact notation, so it is not required there).
function requiredCategories(locale: string, ordinal: boolean): Set<string> {
  const rules = new Intl.PluralRules(locale, { type: ordinal ? "ordinal" : "cardinal" });
  const used = new Set<string>();
  for (let n = 0; n <= 200; n++) used.add(rules.select(n));
  return used;
}

function allowedCategories(locale: string, ordinal: boolean): Set<string> {
  const rules = new Intl.PluralRules(locale, { type: ordinal ? "ordinal" : "cardinal" });
  return new Set(rules.resolvedOptions().pluralCategories);
}

// Fails listing every offender in full (Vitest abbreviates long arrays in its own message).
function expectNone(offenders: string[], what: string) {
  expect(offenders, `${what}:\n  ${offenders.join("\n  ")}`).toEqual([]);
}

function parseMessage(message: string): MessageFormatElement[] {
  return parse(message, { requiresOtherClause: true });
}

// Values for every argument, with `count` used for every plural or number argument.
function dummyValues(args: Map<string, ArgumentKind>, count: number) {
  const values: Record<string, string | number | Date | ((chunks: unknown[]) => string)> = {};
  for (const [name, kind] of args) {
    if (kind === "tag") values[name.slice(1, -1)] = (chunks) => chunks.join("");
    else if (kind === "number") values[name] = count;
    else if (kind === "date") values[name] = new Date(Date.UTC(2018, 9, 29, 10, 0));
    else if (kind === "select") values[name] = "other";
    else values[name] = `‹${name}›`;
  }
  return values;
}

// Whole numbers that hit every cardinal category in the six languages, plus a fraction.
const SAMPLE_COUNTS = [0, 1, 2, 3, 5, 11, 21, 22, 25, 100, 101, 102, 1.5];

const source = flatten(readCatalog(SOURCE_LOCALE));
const targets = LOCALES.filter((locale) => locale !== SOURCE_LOCALE);

describe("i18n message catalogs", () => {
  it("lists the five other official languages of the Union", () => {
    expect([...targets].sort()).toEqual(["ar", "es", "fr", "ru", "zh"]);
  });

  it("has a well-formed English source catalog", () => {
    expect(source.size).toBeGreaterThan(0);
    for (const [key, value] of source) {
      expect(typeof value, `en.json ${key}`).toBe("string");
      expect(() => parseMessage(value as string), `en.json ${key}`).not.toThrow();
    }
  });

  describe.each(targets)("%s.json", (locale) => {
    const catalog = flatten(readCatalog(locale));

    it("has exactly the keys of en.json", () => {
      const missing = [...source.keys()].filter((key) => !catalog.has(key));
      const extra = [...catalog.keys()].filter((key) => !source.has(key));
      expectNone(missing, `keys of en.json missing from ${locale}.json`);
      expectNone(extra, `keys in ${locale}.json that en.json does not have`);
    });

    it("has a non-empty string for every message", () => {
      const bad = [...catalog].filter(([, value]) => typeof value !== "string" || value.trim() === "").map(([key]) => key);
      expectNone(bad, `empty or non-string messages in ${locale}.json`);
    });

    it("parses every message as ICU", () => {
      const errors: string[] = [];
      for (const [key, value] of catalog) {
        if (typeof value !== "string") continue;
        try {
          parseMessage(value);
        } catch (error) {
          errors.push(`${key}: ${(error as Error).message}`);
        }
      }
      expectNone(errors, `messages in ${locale}.json that are not valid ICU`);
    });

    it("uses the same ICU arguments as English in every message", () => {
      const mismatches: string[] = [];
      for (const [key, english] of source) {
        const value = catalog.get(key);
        if (typeof value !== "string" || typeof english !== "string") continue;
        let translated: string[];
        try {
          translated = [...collectArguments(parseMessage(value)).keys()].sort();
        } catch {
          continue; // reported by the parse test
        }
        const expected = [...collectArguments(parseMessage(english)).keys()].sort();
        if (translated.join() !== expected.join()) {
          mismatches.push(`${key}: expected {${expected.join(", ")}}, found {${translated.join(", ")}}`);
        }
      }
      expectNone(mismatches, `messages in ${locale}.json whose arguments differ from en.json`);
    });

    it("gives every plural the categories of the language, and no others", () => {
      const problems: string[] = [];
      for (const [key, value] of catalog) {
        if (typeof value !== "string") continue;
        let plurals: ReturnType<typeof collectPlurals>;
        try {
          plurals = collectPlurals(parseMessage(value));
        } catch {
          continue; // reported by the parse test
        }
        for (const plural of plurals) {
          const keys = new Set(plural.keys);
          const allowed = allowedCategories(locale, plural.ordinal);
          const unknown = plural.keys.filter((k) => !k.startsWith("=") && !allowed.has(k));
          const missing = [...requiredCategories(locale, plural.ordinal)].filter((category) => !keys.has(category) && !(category === "zero" && keys.has("=0")));
          if (unknown.length > 0) problems.push(`${key} {${plural.name}}: not a ${locale} category: ${unknown.join(", ")}`);
          if (missing.length > 0) problems.push(`${key} {${plural.name}}: missing ${missing.join(", ")}`);
        }
      }
      expectNone(problems, `plural problems in ${locale}.json`);
    });

    it("formats every message with dummy values", () => {
      const errors: string[] = [];
      for (const [key, value] of catalog) {
        if (typeof value !== "string") continue;
        try {
          const args = collectArguments(parseMessage(value));
          const format = new IntlMessageFormat(value, locale);
          for (const count of SAMPLE_COUNTS) {
            const output = format.format(dummyValues(args, count));
            const text = Array.isArray(output) ? output.join("") : String(output);
            if (text.trim() === "") throw new Error(`empty output for ${count}`);
          }
        } catch (error) {
          errors.push(`${key}: ${(error as Error).message}`);
        }
      }
      expectNone(errors, `messages in ${locale}.json that cannot be formatted`);
    });

    it("is translated rather than mostly English", () => {
      let counted = 0;
      const identical: string[] = [];
      for (const [key, english] of source) {
        const value = catalog.get(key);
        if (typeof english !== "string" || typeof value !== "string") continue;
        let words: string;
        try {
          words = literalText(parseMessage(english)).replaceAll(PRODUCT_NAME, "");
        } catch {
          continue;
        }
        if (!/\p{L}/u.test(words)) continue; // only placeholders, punctuation or the product name
        counted++;
        if (value === english) identical.push(key);
      }
      expect(counted).toBeGreaterThan(0);
      expect(
        identical.length / counted,
        `${identical.length} of ${counted} messages in ${locale}.json are identical to English: ${identical.join(", ")}`,
      ).toBeLessThan(MAX_IDENTICAL_SHARE);
    });
  });
});
