// English names are the ITU-style short names of data/itu-member-states.csv; other
// languages use the platform's CLDR region names, which follow UN usage closely.
const displayNames = new Map<string, Intl.DisplayNames>();

export function memberStateName(locale: string, state: { iso2: string; nameEn: string }): string {
  if (locale === "en") return state.nameEn;
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    displayNames.set(locale, names);
  }
  return names.of(state.iso2.toUpperCase()) ?? state.nameEn;
}
