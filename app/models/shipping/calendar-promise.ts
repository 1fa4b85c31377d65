import { addDays, zonedDateTime, type IsoDate } from "../shop/time";

/**
 * Reads a published shipping calendar (app/models/shipping/calendar.ts) for one order: the delivery
 * range a shopper ordering at `now` is promised. Pure and free of server imports, so the same function
 * serves the app (tests prove it agrees with the engine orders/create records the promise with) and the
 * Thank-you page extension, which imports it by relative path and reads the calendar from its app
 * metafields.
 */

/** The part of the published calendar this reader needs. */
export interface PromiseCalendar {
  timeZone: string;
  regions: Record<string, string>;
  tags: Record<string, number>;
  products: Record<string, number>;
  days: Record<IsoDate, { cutoff?: number; zones: Record<string, number[]> }>;
}

export interface PromiseRequest {
  now: Date;
  destination: { countryCode: string; provinceCode?: string | null };
  product?: { id?: string | number | null; tags?: readonly string[] } | null;
}

export interface CalendarPromise {
  zoneId: string;
  group: number;
  /** Today's cutoff while it is still ahead, or null. */
  cutoff: Date | null;
  earliest: IsoDate;
  latest: IsoDate;
}

/**
 * Null when the storefront would show nothing: no entry for today (a stale calendar), no zone for the
 * destination, or a calendar that is not the expected shape.
 */
export function promiseFromCalendar(calendar: PromiseCalendar, request: PromiseRequest): CalendarPromise | null {
  const today = zonedDateTime(request.now, calendar.timeZone).date;
  const day = calendar.days[today];
  if (!day) return null;
  const country = request.destination.countryCode.toUpperCase();
  const province = request.destination.provinceCode?.toUpperCase();
  const zoneId =
    (province ? calendar.regions[`${country}-${province}`] : undefined) ??
    calendar.regions[country] ??
    calendar.regions["*"];
  if (!zoneId || !day.zones[zoneId]) return null;
  const productId = request.product?.id == null ? "" : String(request.product.id).replace(/\D/g, "");
  const matches = [calendar.products[productId], ...(request.product?.tags ?? []).map((tag) => calendar.tags[tag.toLowerCase()])]
    .filter((group): group is number => group !== undefined);
  const group = matches.length > 0 ? Math.min(...matches) : 0;
  const numbers = day.zones[zoneId].slice(group * 4, group * 4 + 4);
  if (numbers.length < 4 || numbers.some((value) => !Number.isInteger(value))) return null;
  const [beforeMin, beforeMax, afterMin, afterMax] = numbers;
  const nowSeconds = Math.floor(request.now.getTime() / 1000);
  const before = day.cutoff !== undefined && nowSeconds < day.cutoff;
  return {
    zoneId,
    group,
    cutoff: before ? new Date((day.cutoff as number) * 1000) : null,
    earliest: addDays(today, before ? beforeMin : afterMin),
    latest: addDays(today, before ? beforeMax : afterMax),
  };
}

/** The calendar from a metafield value (JSON text or an already parsed object), or null when it is not one. */
export function parsePromiseCalendar(value: unknown): PromiseCalendar | null {
  let parsed: unknown = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!parsed || typeof parsed !== "object") return null;
  const calendar = parsed as Partial<PromiseCalendar> & { version?: unknown };
  const isRecord = (field: unknown) => !!field && typeof field === "object" && !Array.isArray(field);
  if (calendar.version !== 1 || typeof calendar.timeZone !== "string") return null;
  if (![calendar.regions, calendar.tags, calendar.products, calendar.days].every(isRecord)) return null;
  return calendar as PromiseCalendar;
}
