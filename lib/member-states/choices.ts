import "server-only";
import { unstable_cache } from "next/cache";
import { CACHED_READ_SECONDS } from "@/lib/cache/bounds";
import { db } from "@/lib/db";
import { memberStateName } from "./names";

// The 194 Member States as a form's choices (the source of a hearing question,
// docs/fairness.md#question-sources): the ISO code as the value (two letters, a light page), the
// name in the reader's language, sorted in it. Reference data the app never changes: read once
// a minute at most (docs/cache.md), on every page that offers the choice.
const readStates = unstable_cache(() => db().memberState.findMany({ select: { iso2: true, nameEn: true } }), ["member-state-choices"], {
  revalidate: CACHED_READ_SECONDS,
});

export type StateChoice = { code: string; name: string };

export async function memberStateChoices(locale: string): Promise<StateChoice[]> {
  const collator = new Intl.Collator(locale);
  return (await readStates()).map((s) => ({ code: s.iso2.toUpperCase(), name: memberStateName(locale, s) })).sort((a, b) => collator.compare(a.name, b.name));
}
