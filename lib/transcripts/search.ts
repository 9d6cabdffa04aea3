// Searching a transcript (docs/decisions/041-transcript.md). Pure: the page and the tests share it.
// Matching ignores case and diacritics in every script (Arabic vowel marks, French accents,
// Russian ё), so a reader finds a word however it was typed; the highlighted ranges are the
// original text's.

export const SEARCH_LIMITS = { query: 100, terms: 8 } as const;

/** The text folded character by character, with where each folded character's original begins and ends. */
function fold(text: string): { folded: string; starts: number[]; ends: number[] } {
  let folded = "";
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (const char of text) {
    const base = char.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    for (const c of base) {
      folded += c;
      starts.push(i);
      ends.push(i + char.length);
    }
    i += char.length;
  }
  return { folded, starts, ends };
}

/** The query's words, folded, longest first (so a longer word wins an overlap); none for a blank query. */
export function searchTerms(query: string): string[] {
  const words = query
    .slice(0, SEARCH_LIMITS.query)
    .split(/\s+/u)
    .map((w) => fold(w).folded)
    .filter((w) => w.length > 0);
  return [...new Set(words)].slice(0, SEARCH_LIMITS.terms).sort((a, b) => b.length - a.length);
}

export type Range = { start: number; end: number };

/** Where the terms occur in the text, as sorted, non-overlapping ranges of the original string. */
export function findMatches(text: string, terms: readonly string[]): Range[] {
  if (terms.length === 0) return [];
  const { folded, starts, ends } = fold(text);
  const ranges: Range[] = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) {
      ranges.push({ start: starts[at] ?? 0, end: ends[at + term.length - 1] ?? text.length });
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** A segment matches when every term occurs in its text or its heading. */
export function matchesAll(haystacks: readonly string[], terms: readonly string[]): boolean {
  const folded = haystacks.map((h) => fold(h).folded).join("\n");
  return terms.every((t) => folded.includes(t));
}

/** The text cut into plain and matched pieces, for the page to wrap the matches in <mark>. */
export function highlight(text: string, terms: readonly string[]): { text: string; match: boolean }[] {
  const pieces: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const r of findMatches(text, terms)) {
    if (r.start > at) pieces.push({ text: text.slice(at, r.start), match: false });
    pieces.push({ text: text.slice(r.start, r.end), match: true });
    at = r.end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), match: false });
  return pieces;
}
