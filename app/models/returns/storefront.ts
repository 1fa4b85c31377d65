import type { Resolution, ReturnCondition, ReturnRules, WindowStart } from "./rules";
import { describeReturnPolicy, type ReturnPolicyPoint } from "./window";
import { instantAt, type IsoDate } from "../shop/time";

/**
 * The return rules as the storefront reads them: one app-owned JSON metafield
 * (`app.metafields.aftercare.returns`), published on save. Liquid renders every sentence from the
 * codes and numbers here through the extension's translations. Pure: no I/O.
 *
 * "Returnable until" on a product page
 * The return-policy block promises a date for a purchase made today: today + the window (the
 * holiday window when today falls in a holiday period). When the window starts at the order, that is
 * the exact deadline. When it starts at fulfilment or delivery, the real deadline is later by the
 * time the parcel takes, which nobody knows yet, so the block says "for 30 days after delivery, at
 * least until <date>": a lower bound the shop always keeps. The transit allowance is not added: a
 * parcel that arrives early would make such a date a broken promise.
 */

export const RETURNS_METAFIELD = { namespace: "aftercare", key: "returns", type: "json" } as const;

export interface StorefrontHolidayWindow {
  /** First and last order dates of the period, shop-local "YYYY-MM-DD" (Liquid compares them as text). */
  from: IsoDate;
  through: IsoDate;
  /** Noon of those days in the shop's time zone, epoch seconds, for Liquid's `date` filter. */
  fromNoon: number;
  throughNoon: number;
  days: number;
}

export interface StorefrontReturnPoint {
  code: ReturnPolicyPoint["code"];
  days?: number;
  startsAt?: WindowStart;
  condition?: ReturnCondition;
  resolution?: Resolution;
  percent?: number;
  /** Holiday windows: noon of the first and last order date (epoch seconds). */
  fromNoon?: number;
  throughNoon?: number;
}

export interface StorefrontReturnRules {
  version: 1;
  windowDays: number;
  startsAt: WindowStart;
  holidays: StorefrontHolidayWindow[];
  finalSale: {
    /** Lower-cased, trimmed: Liquid compares `tag | downcase | strip`. */
    tags: string[];
    /** Numeric collection ids, as Liquid's `collection.id`. */
    collectionIds: number[];
  };
  /** The policy statements in reading order (`describeReturnPolicy`), ready for translation. */
  points: StorefrontReturnPoint[];
}

/** Shopify's numeric id from a GID or a numeric string. */
export function numericId(id: string): number {
  return Number(id.slice(id.lastIndexOf("/") + 1));
}

export function buildStorefrontReturnRules(rules: ReturnRules, timeZone: string): StorefrontReturnRules {
  const noon = (date: IsoDate) => Math.floor(instantAt(date, 12 * 60, timeZone).getTime() / 1000);
  const holidays = [...rules.holidayExtensions]
    .sort((a, b) => a.orderedFrom.localeCompare(b.orderedFrom))
    .map(
      (period): StorefrontHolidayWindow => ({
        from: period.orderedFrom,
        through: period.orderedThrough,
        fromNoon: noon(period.orderedFrom),
        throughNoon: noon(period.orderedThrough),
        days: period.windowDays,
      }),
    );
  const points = describeReturnPolicy(rules).points.map((point): StorefrontReturnPoint => {
    if (point.code !== "holiday_window") return point;
    return { code: point.code, days: point.days, fromNoon: noon(point.orderedFrom), throughNoon: noon(point.orderedThrough) };
  });
  return {
    version: 1,
    windowDays: rules.windowDays,
    startsAt: rules.windowStartsAt,
    holidays,
    finalSale: {
      tags: [...new Set(rules.finalSale.tags.map((tag) => tag.trim().toLowerCase()))],
      collectionIds: [...new Set(rules.finalSale.collectionIds.map(numericId))],
    },
    points,
  };
}

export function returnsMetafield(rules: ReturnRules, timeZone: string) {
  return { ...RETURNS_METAFIELD, value: JSON.stringify(buildStorefrontReturnRules(rules, timeZone)) };
}
