/**
 * Monthly allowance arithmetic: which calendar month an instant falls in (in the shop's time zone),
 * how much of a limit is left, and the words that tell a merchant what is waiting. Pure, no I/O.
 */
import { instantAt, zonedDateTime, type IsoDate } from "../shop/time";
import type { MeteredKind, MonthlyLimits } from "./plans";

export interface MonthWindow {
  /** First instant of the month in the shop's time zone. */
  start: Date;
  /** First instant of the next month (exclusive end). */
  end: Date;
  /** The next month's first day, "YYYY-MM-DD": when a used-up allowance comes back. */
  nextMonthStarts: IsoDate;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** The calendar month `now` falls in, as the shop's clock shows it. */
export function calendarMonthOf(now: Date, timeZone: string): MonthWindow {
  const [year, month] = zonedDateTime(now, timeZone).date.split("-").map(Number);
  const first = `${year}-${pad(month)}-01`;
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
  return { start: instantAt(first, 0, timeZone), end: instantAt(next, 0, timeZone), nextMonthStarts: next };
}

/** What is left of a monthly limit (`null` = unlimited). Never negative. */
export function remainingAllowance(limit: number | null, used: number): number {
  return limit === null ? Number.POSITIVE_INFINITY : Math.max(0, limit - used);
}

export interface MeteredUsage {
  kind: MeteredKind;
  used: number;
  /** `null` = unlimited on this plan. */
  limit: number | null;
  /** Held back at the jobs' last run because the allowance ran out. */
  held: number;
}

export function usageOf(limits: MonthlyLimits, used: Record<MeteredKind, number>, held: Record<MeteredKind, number>): MeteredUsage[] {
  return (Object.keys(limits) as MeteredKind[]).map((kind) => ({ kind, used: used[kind], limit: limits[kind], held: held[kind] }));
}

/** True when a limit is used up and something waits for it to come back. */
export function isHoldingBack(usage: MeteredUsage): boolean {
  return usage.held > 0 && usage.limit !== null && usage.used >= usage.limit;
}

/** 0–100, for a progress bar. */
export function percentUsed(usage: MeteredUsage): number {
  if (usage.limit === null || usage.limit === 0) return 0;
  return Math.min(100, Math.round((usage.used / usage.limit) * 100));
}

/** "1 December" for "2026-12-01". */
export function formatMonthDay(date: IsoDate, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}
