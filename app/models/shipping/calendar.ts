import {
  cutoffOn,
  deliveryWindow,
  findOverride,
  findZone,
  receivedDateFor,
  type Destination,
  type ProductRef,
} from "./delivery-estimate";
import type { ShippingOverride, ShippingRules } from "./rules";
import { bannerParts, type BannerSentences } from "../../components/shipping/banner-template";
import { addDays, daysBetween, instantAt, zonedDateTime, type IsoDate } from "../shop/time";
import { promiseFromCalendar } from "./calendar-promise";

/**
 * The precomputed shipping calendar the storefront reads. Liquid cannot run the engine, so
 * the app publishes what the engine says for every order date ahead as one app-owned JSON
 * metafield (`app.metafields.aftercare.shipping`), republished on save and daily. Liquid
 * picks today's entry with `'now' | date: '%Y-%m-%d'` (the shop's time zone) and the zone
 * from `localization.country.iso_code`; a missing day means a stale calendar and the
 * storefront then shows no estimate rather than a wrong one.
 */

export const SHIPPING_METAFIELD = { namespace: "aftercare", key: "shipping", type: "json" } as const;

/**
 * The same calendar on the shop, app-owned, for checkout UI extensions (they read shop metafields, not the
 * app installation's): extensions/aftercare-thank-you declares it in its toml.
 */
export const CHECKOUT_SHIPPING_METAFIELD = { namespace: "$app:aftercare", key: "shipping" } as const;

/** How many order dates each publication covers. */
export const CALENDAR_DAYS = 45;

export interface CalendarDay {
  /** Noon on the order date (epoch seconds); a delivery date is `noon + days * 86400` in any season. */
  noon: number;
  /** The order cutoff (epoch seconds); absent when the warehouse is closed that day. */
  cutoff?: number;
  /**
   * Zone id → four numbers per group (group 0: products without an override, then the
   * override groups in order), `beforeMin, beforeMax, afterMin, afterMax`: delivery dates as
   * whole days after the order date for an order placed before and after the cutoff. Group
   * `g` starts at index `4 * g`; one flat array keeps the metafield small.
   */
  zones: Record<string, number[]>;
}

export interface ShippingCalendar {
  version: 1;
  timeZone: string;
  /** When the app built it (epoch seconds). */
  generatedAt: number;
  /** Region ("DE", "US-HI", "*") → zone id. */
  regions: Record<string, string>;
  /** Lower-cased product tag → group number (1-based; the first matching group wins). */
  tags: Record<string, number>;
  /** Numeric product id → group number. */
  products: Record<string, number>;
  /** Currency → order subtotal in cents from which shipping is free. */
  freeShipping: Record<string, number>;
  /** Storefront language → the merchant's announcement, as written (placeholders and all). */
  banner: Record<string, string>;
  /**
   * Storefront language → the same announcement cut into sentences and parts by `bannerParts`,
   * which is what the storefront renders: Liquid fills each placeholder from what it knows about
   * the shopper and leaves out a sentence it has no value for, exactly as the admin preview does.
   */
  bannerParts: Record<string, BannerSentences>;
  /** Shop-local order date ("YYYY-MM-DD") → that day's estimates. */
  days: Record<IsoDate, CalendarDay>;
}

const seconds = (instant: Date): number => Math.floor(instant.getTime() / 1000);

function groupNumbers(overrides: readonly ShippingOverride[], key: (group: ShippingOverride) => readonly string[]) {
  const numbers: Record<string, number> = {};
  overrides.forEach((group, index) => {
    for (const value of key(group)) numbers[value] ??= index + 1;
  });
  return numbers;
}

export function buildShippingCalendar(
  rules: ShippingRules,
  options: { now: Date; days?: number },
): ShippingCalendar {
  const dayCount = options.days ?? CALENDAR_DAYS;
  const firstDate = zonedDateTime(options.now, rules.timeZone).date;
  const groups: (ShippingOverride | null)[] = [null, ...rules.overrides];

  const regions: Record<string, string> = {};
  for (const zone of rules.zones) for (const region of zone.regions) regions[region] = zone.id;

  const days: Record<IsoDate, CalendarDay> = {};
  for (let index = 0; index < dayCount; index += 1) {
    const orderDate = addDays(firstDate, index);
    const cutoff = cutoffOn(rules, orderDate);
    const receivedBefore = receivedDateFor(rules, orderDate, true);
    const receivedAfter = receivedDateFor(rules, orderDate, false);
    const zones: Record<string, number[]> = {};
    for (const zone of rules.zones) {
      zones[zone.id] = groups.flatMap((group) => {
        const before = deliveryWindow(rules, zone, group, receivedBefore);
        const after = deliveryWindow(rules, zone, group, receivedAfter);
        return [before.earliest, before.latest, after.earliest, after.latest].map((date) =>
          daysBetween(orderDate, date),
        );
      });
    }
    days[orderDate] = {
      noon: seconds(instantAt(orderDate, 12 * 60, rules.timeZone)),
      ...(cutoff ? { cutoff: seconds(cutoff) } : {}),
      zones,
    };
  }

  return {
    version: 1,
    timeZone: rules.timeZone,
    generatedAt: seconds(options.now),
    regions,
    tags: groupNumbers(rules.overrides, (group) => group.tags),
    products: groupNumbers(rules.overrides, (group) => group.productIds),
    freeShipping: Object.fromEntries(rules.freeShipping.map((entry) => [entry.currency, entry.minimumCents])),
    banner: { ...rules.bannerMessages },
    bannerParts: Object.fromEntries(
      Object.entries(rules.bannerMessages).map(([locale, template]) => [locale, bannerParts(template)]),
    ),
    days,
  };
}

/** The metafield value to publish. */
export function serializeShippingCalendar(calendar: ShippingCalendar): string {
  return JSON.stringify(calendar);
}

export interface CalendarEstimate {
  zoneId: string;
  group: number;
  /** Cutoff still ahead, or null. */
  cutoff: Date | null;
  earliest: IsoDate;
  latest: IsoDate;
}

/**
 * Reads the calendar the way the storefront's Liquid does (same lookups, same fallbacks), so
 * tests can prove the published data agrees with the engine. Null when the storefront would
 * render nothing: no entry for today, or no zone for the shopper.
 */
export function estimateFromCalendar(
  calendar: ShippingCalendar,
  request: { now: Date; destination: Destination; product?: ProductRef | null },
): CalendarEstimate | null {
  // The same reader the Thank-you page extension runs (app/models/surveys/calendar-promise.ts).
  return promiseFromCalendar(calendar, request);
}
