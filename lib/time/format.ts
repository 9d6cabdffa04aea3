import { humanZone } from "./zone-name";

// Server-side formatting: always with an explicit zone, never the server's own.

export function formatInstant(locale: string, iso: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone }).format(new Date(iso));
}

/** A calendar date (`YYYY-MM-DD`) as written in `locale`. */
export function formatCalendarDate(locale: string, date: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

/** The zone as a reader knows it, with its offset at `at` ("Gulf Standard Time, GMT+4"), never its IANA id. */
export function zoneLabel(locale: string, timeZone: string, at: string | Date): string {
  return humanZone(locale, timeZone, at);
}
