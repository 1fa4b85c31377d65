/*
 * The shipping folder: when an order arrives, said the same way everywhere.
 * Pure core: delivery-estimate.ts (the engine), rules.ts (the merchant's rules), calendar.ts (the
 * published calendar) and calendar-promise.ts (its one reader, shared with the Thank-you extension).
 * Server side: settings.server.ts (saved and published), order-promise.server.ts (the promise kept per order).
 */
import type { ShippingOverride, ShippingRules, ShippingZone } from "./rules";
import { addDays, instantAt, weekdayOf, zonedDateTime, type IsoDate } from "../shop/time";

/**
 * Delivery estimates: when an order placed now is dispatched and delivered.
 *
 * An order placed before the cutoff on a working day is received that day; otherwise on
 * the next working day. It leaves the warehouse after the processing days (working days,
 * skipping holidays and blocked dates) and arrives after the zone's transit days (days the
 * carrier delivers there, skipping the destination's holidays).
 */

export interface Destination {
  /** ISO 3166-1 alpha-2, as `localization.country.iso_code` gives it. */
  countryCode: string;
  /** Subdivision code without the country ("HI"), as `address.province_code` gives it. */
  provinceCode?: string | null;
}

export interface ProductRef {
  id?: string | number | null;
  tags?: readonly string[];
}

export interface Countdown {
  totalSeconds: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export interface DeliveryWindow {
  /** The working day processing starts. */
  receivedDate: IsoDate;
  /** The day the parcel leaves the warehouse. */
  dispatchDate: IsoDate;
  earliest: IsoDate;
  latest: IsoDate;
}

export interface DeliveryEstimate extends DeliveryWindow {
  zoneId: string;
  overrideId: string | null;
  /** The shop-local date the order is placed on. */
  orderDate: IsoDate;
  /** That date's cutoff, or null when the warehouse does not work that day. */
  cutoff: Date | null;
  /** Time left to order for this estimate, or null once today's cutoff has passed. */
  countdown: Countdown | null;
}

export interface EstimateRequest {
  now: Date;
  destination: Destination;
  product?: ProductRef | null;
}

/** Ten years of closed days in a row means the rules can never deliver. */
const SEARCH_LIMIT_DAYS = 3660;

type DayTest = (date: IsoDate) => boolean;

function holidayTest(holidays: readonly string[]): DayTest {
  const fixed = new Set(holidays.filter((day) => day.length === 10));
  const yearly = new Set(holidays.filter((day) => day.length === 5));
  return (date) => fixed.has(date) || yearly.has(date.slice(5));
}

const warehouseTests = new WeakMap<ShippingRules, DayTest>();

/** Whether the warehouse works (receives and dispatches orders) on a date. */
export function isWorkingDay(rules: ShippingRules, date: IsoDate): boolean {
  let test = warehouseTests.get(rules);
  if (!test) {
    const isHoliday = holidayTest(rules.holidays);
    const workingDays = new Set(rules.workingDays);
    test = (day) =>
      workingDays.has(weekdayOf(day)) &&
      !isHoliday(day) &&
      !rules.blockedDates.some((range) => range.from <= day && day <= range.to);
    warehouseTests.set(rules, test);
  }
  return test(date);
}

const deliveryTests = new WeakMap<ShippingZone, DayTest>();

/** Whether the carrier delivers in a zone on a date. */
export function isDeliveryDay(zone: ShippingZone, date: IsoDate): boolean {
  let test = deliveryTests.get(zone);
  if (!test) {
    const isHoliday = holidayTest(zone.holidays);
    const deliveryDays = new Set(zone.deliveryDays);
    test = (day) => deliveryDays.has(weekdayOf(day)) && !isHoliday(day);
    deliveryTests.set(zone, test);
  }
  return test(date);
}

/**
 * The day `count` open days after `start`. With a count of 0, the first open day on or
 * after `start` (a parcel shipped on a day the carrier does not deliver arrives on the next).
 */
function afterOpenDays(start: IsoDate, count: number, isOpen: DayTest): IsoDate {
  let date = start;
  let left = count;
  for (let step = 0; step < SEARCH_LIMIT_DAYS; step += 1) {
    if (left === 0 && isOpen(date)) return date;
    date = addDays(date, 1);
    if (left > 0 && isOpen(date)) left -= 1;
    if (left === 0 && isOpen(date)) return date;
  }
  throw new Error(`No open day within ${SEARCH_LIMIT_DAYS} days of ${start}: check working days and holidays`);
}

function cutoffMinutes(rules: ShippingRules): number {
  const [hours, minutes] = rules.cutoffTime.split(":").map(Number);
  return hours * 60 + minutes;
}

/** The instant of the cutoff on a shop-local date, or null if the warehouse is closed then. */
export function cutoffOn(rules: ShippingRules, date: IsoDate): Date | null {
  if (!isWorkingDay(rules, date)) return null;
  return instantAt(date, cutoffMinutes(rules), rules.timeZone);
}

/** The working day an order placed on `orderDate` (before or after its cutoff) is received. */
export function receivedDateFor(rules: ShippingRules, orderDate: IsoDate, beforeCutoff: boolean): IsoDate {
  if (beforeCutoff && isWorkingDay(rules, orderDate)) return orderDate;
  return afterOpenDays(addDays(orderDate, 1), 0, (day) => isWorkingDay(rules, day));
}

export function findZone(rules: ShippingRules, destination: Destination): ShippingZone | null {
  const country = destination.countryCode.toUpperCase();
  const province = destination.provinceCode?.toUpperCase();
  const candidates = province ? [`${country}-${province}`, country, "*"] : [country, "*"];
  for (const code of candidates) {
    const zone = rules.zones.find((candidate) => candidate.regions.includes(code));
    if (zone) return zone;
  }
  return null;
}

/** The first override group (in the merchant's order) that selects the product. */
export function findOverride(rules: ShippingRules, product: ProductRef | null | undefined): ShippingOverride | null {
  if (!product) return null;
  const id = product.id == null ? null : String(product.id).replace(/^gid:\/\/shopify\/Product\//, "");
  const tags = new Set((product.tags ?? []).map((tag) => tag.toLowerCase()));
  return (
    rules.overrides.find(
      (group) => (id !== null && group.productIds.includes(id)) || group.tags.some((tag) => tags.has(tag)),
    ) ?? null
  );
}

/** Dispatch and delivery dates for an order received on a working day. */
export function deliveryWindow(
  rules: ShippingRules,
  zone: ShippingZone,
  override: ShippingOverride | null,
  receivedDate: IsoDate,
): DeliveryWindow {
  const processingDays = override?.processingDays ?? rules.processingDays;
  const extraTransit = override?.extraTransitDays ?? 0;
  const dispatchDate = afterOpenDays(receivedDate, processingDays, (day) => isWorkingDay(rules, day));
  const delivers: DayTest = (day) => isDeliveryDay(zone, day);
  return {
    receivedDate,
    dispatchDate,
    earliest: afterOpenDays(dispatchDate, zone.transitDays.min + extraTransit, delivers),
    latest: afterOpenDays(dispatchDate, zone.transitDays.max + extraTransit, delivers),
  };
}

/** Whole hours, minutes and seconds left, rounded down ("order within 3 h 12 min"). */
export function countdownFrom(totalSeconds: number): Countdown {
  const whole = Math.max(0, Math.floor(totalSeconds));
  return {
    totalSeconds: whole,
    hours: Math.floor(whole / 3600),
    minutes: Math.floor((whole % 3600) / 60),
    seconds: whole % 60,
  };
}

/** The delivery estimate a shopper sees at `now`, or null when no zone ships to them. */
export function estimateDelivery(rules: ShippingRules, request: EstimateRequest): DeliveryEstimate | null {
  const zone = findZone(rules, request.destination);
  if (!zone) return null;
  const override = findOverride(rules, request.product);
  const orderDate = zonedDateTime(request.now, rules.timeZone).date;
  const cutoff = cutoffOn(rules, orderDate);
  const beforeCutoff = cutoff !== null && request.now.getTime() < cutoff.getTime();
  const window = deliveryWindow(rules, zone, override, receivedDateFor(rules, orderDate, beforeCutoff));
  return {
    ...window,
    zoneId: zone.id,
    overrideId: override?.id ?? null,
    orderDate,
    cutoff,
    countdown: beforeCutoff && cutoff ? countdownFrom((cutoff.getTime() - request.now.getTime()) / 1000) : null,
  };
}
