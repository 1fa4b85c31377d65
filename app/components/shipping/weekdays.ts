/** 0 = Sunday ... 6 = Saturday, listed from Monday as most shops plan their week. */
export const WEEK_FROM_MONDAY = [1, 2, 3, 4, 5, 6, 0] as const;

/** "Monday" for 1, in the given language. */
export function weekdayName(day: number, locale = "en"): string {
  // 2023-01-01 was a Sunday.
  return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2023, 0, 1 + day)));
}
