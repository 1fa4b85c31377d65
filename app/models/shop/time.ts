/**
 * Calendar dates and wall-clock times in a shop's IANA time zone.
 *
 * Pure: nothing here reads the process time zone, so the same instant gives the same
 * shop-local date on any server. Calendar dates are "YYYY-MM-DD" strings; arithmetic on
 * them goes through whole days since 1970-01-01 (UTC has no daylight saving time).
 */

export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface ZonedDateTime {
  date: IsoDate;
  hour: number;
  minute: number;
  second: number;
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const back = new Date(Date.UTC(y, m - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d;
}

/** Whole days since 1970-01-01 for a calendar date. */
export function epochDay(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: ${date}`);
  const [, y, m, d] = match.map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function isoDateFromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoDateFromEpochDay(epochDay(date) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDay(to) - epochDay(from);
}

/** 0 = Sunday ... 6 = Saturday, like JavaScript and Liquid's `%w`. */
export function weekdayOf(date: IsoDate): number {
  return (((epochDay(date) + 4) % 7) + 7) % 7;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date and time an instant shows in a time zone. */
export function zonedDateTime(instant: Date, timeZone: string): ZonedDateTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant. */
function offsetAt(epochMs: number, timeZone: string): number {
  const local = zonedDateTime(new Date(epochMs), timeZone);
  const asUtc = epochDay(local.date) * DAY_MS + ((local.hour * 60 + local.minute) * 60 + local.second) * 1000;
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a wall-clock time occurs on a date in a time zone. `minutesOfDay` may be
 * 1440 (midnight at the end of the day). A time skipped by a spring-forward change moves
 * forward by the gap (02:30 becomes 03:30); a time that happens twice resolves to the
 * first occurrence.
 */
export function instantAt(date: IsoDate, minutesOfDay: number, timeZone: string): Date {
  const wall = epochDay(date) * DAY_MS + minutesOfDay * 60_000;
  const offsetBefore = offsetAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter(
    (instant) => wall - offsetAt(instant, timeZone) === instant,
  );
  if (candidates.length === 0) return new Date(wall - offsetBefore);
  return new Date(Math.min(...candidates));
}
