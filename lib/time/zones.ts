// Time-zone arithmetic on the platform's IANA data (Intl), so that no zone table has to be
// shipped or kept up to date by hand.

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (east positive). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

export type WallTime = { year: number; month: number; day: number; hour: number; minute: number };

/**
 * The instant at which clocks in `timeZone` show `wall`. In a spring-forward gap the wall
 * time does not exist and the later offset is used; in a fall-back overlap the earlier
 * instant (summer time) is returned.
 */
export function zonedWallTimeToUtc(wall: WallTime, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // The offsets in force a day either side cover any transition near this wall time.
  const before = zoneOffsetMs(new Date(asUtc - DAY_MS), timeZone);
  const after = zoneOffsetMs(new Date(asUtc + DAY_MS), timeZone);
  const valid = [asUtc - before, asUtc - after].filter((t) => t + zoneOffsetMs(new Date(t), timeZone) === asUtc);
  // No valid instant: the wall time falls in a gap, read with the offset before it.
  return new Date(valid.length > 0 ? Math.min(...valid) : asUtc - before);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** A calendar date (`YYYY-MM-DD`, or a Date at UTC midnight) as its parts. */
export function calendarDate(value: Date | string): { year: number; month: number; day: number } {
  const d = typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value;
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `YYYY-MM-DDTHH:mm`, as a datetime-local input gives it, as wall-clock parts. */
export function parseLocalDateTime(value: string): WallTime {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) throw new RangeError(`Not a local date-time: ${value}`);
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  return { year, month, day, hour, minute };
}

/** The reverse: an instant as `YYYY-MM-DDTHH:mm` on the clocks of `timeZone`. */
export function toLocalDateTime(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + zoneOffsetMs(instant, timeZone)).toISOString().slice(0, 16);
}
