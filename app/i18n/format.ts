/**
 * Dates, numbers and money as the merchant reads them: Intl with the admin locale's tag
 * ("23 Nov 2026" and "Rp 150.000" in Indonesian, "Nov 23, 2026" in US English). Pure.
 */
import type { AdminLocale } from "./locale";

export interface Format {
  /** A calendar date: "Nov 23, 2026" / "23 Nov 2026". `timeZone` defaults to UTC so server and browser agree. */
  date(value: Date | string, options?: { timeZone?: string }): string;
  /** Day and month only: "Nov 23" / "23 Nov". */
  dayMonth(value: Date | string, options?: { timeZone?: string }): string;
  /** Date and time of day: "Nov 23, 2026, 2:05 PM" / "23 Nov 2026, 14.05". */
  dateTime(value: Date | string, options?: { timeZone?: string }): string;
  number(value: number, options?: { maximumFractionDigits?: number }): string;
  /** A percentage given in percent (87.5 -> "87.5%" / "87,5%"). */
  percent(value: number, options?: { maximumFractionDigits?: number }): string;
  /** An amount in a currency; whole amounts drop the cents ("Rp 150.000", "$12"). */
  money(amount: number | string, currencyCode: string): string;
}

const toDate = (value: Date | string) => (typeof value === "string" ? new Date(value) : value);

export function createFormat(locale: AdminLocale): Format {
  const { tag } = locale;
  const dateFormat = (options: Intl.DateTimeFormatOptions) => (value: Date | string, extra?: { timeZone?: string }) =>
    new Intl.DateTimeFormat(tag, { ...options, timeZone: extra?.timeZone ?? "UTC" }).format(toDate(value));
  return {
    date: dateFormat({ day: "numeric", month: "short", year: "numeric" }),
    dayMonth: dateFormat({ day: "numeric", month: "short" }),
    dateTime: dateFormat({ day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit" }),
    number: (value, options) => new Intl.NumberFormat(tag, { maximumFractionDigits: options?.maximumFractionDigits ?? 2 }).format(value),
    percent: (value, options) =>
      new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: options?.maximumFractionDigits ?? 1 }).format(value / 100),
    money: (amount, currencyCode) =>
      new Intl.NumberFormat(tag, {
        style: "currency",
        currency: currencyCode,
        // Not in TypeScript's ES2023 lib yet; supported by Node 20 and every browser the admin runs in.
        trailingZeroDisplay: "stripIfInteger",
      } as Intl.NumberFormatOptions).format(Number(amount)),
  };
}
