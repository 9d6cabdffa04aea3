// A time zone as a reader knows it ("Gulf Standard Time", "heure d’Europe centrale"), never its
// IANA id ("Asia/Dubai"): the names come from the reader's locale through Intl, on the server and
// in the browser alike (docs/site-meta.md: people see human names, never raw ids).

function part(locale: string, timeZone: string, at: Date, timeZoneName: Intl.DateTimeFormatOptions["timeZoneName"]): string | null {
  try {
    const found = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName }).formatToParts(at).find((p) => p.type === "timeZoneName");
    return found?.value ?? null;
  } catch {
    return null;
  }
}

/** Intl falls back to an offset ("GMT+04:00", "غرينتش+04:00") when it has no name for a zone. */
function isOffset(name: string): boolean {
  return /[+\-−]\d/.test(name) || /^(GMT|UTC)$/.test(name);
}

/** The zone's name in `locale` (its generic name, else its long name), or null when Intl knows only its offset. */
export function zoneName(locale: string, timeZone: string, at: string | Date = new Date()): string | null {
  const when = new Date(at);
  for (const style of ["longGeneric", "long"] as const) {
    const name = part(locale, timeZone, when, style);
    if (name && !isOffset(name)) return name;
  }
  return null;
}

/** The zone's offset at `at` in `locale` ("GMT+4", "UTC+4"), or null for an unknown zone. */
export function zoneOffset(locale: string, timeZone: string, at: string | Date = new Date()): string | null {
  return part(locale, timeZone, new Date(at), "shortOffset");
}

/**
 * The zone as shown next to a time: its name and its offset at that instant
 * ("Gulf Standard Time, GMT+4"); the offset alone when Intl has no name; the id only when
 * Intl does not know the zone at all.
 */
export function humanZone(locale: string, timeZone: string, at: string | Date = new Date()): string {
  const name = zoneName(locale, timeZone, at);
  const offset = zoneOffset(locale, timeZone, at);
  if (name && offset) return `${name}, ${offset}`;
  return name ?? offset ?? timeZone;
}
