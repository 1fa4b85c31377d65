import type { Resolution, ReturnCondition, ReturnRules, WindowStart } from "./rules";
import { addDays, instantAt, isValidTimeZone, zonedDateTime, type IsoDate } from "../shop/time";

/**
 * Return eligibility and deadlines, per order line. Pure: no I/O, the clock is a parameter.
 *
 * How days are counted
 * - Days are calendar days in the shop's time zone. The day the window starts (the order, fulfilment
 *   or delivery day) is day 0, so with 30 days a parcel delivered on 1 March may be returned up to and
 *   including 31 March. The deadline is the last millisecond of that last day in the shop's zone,
 *   whatever the daylight-saving offset is on that day.
 * - A line can only be returned once it has been fulfilled (Shopify only returns fulfilled items).
 *
 * Delivery not reported
 * - When the window starts at delivery and the carrier never reported the delivery, the window starts
 *   `transitAllowanceDays` after fulfilment instead, and the line says so (`windowStart:
 *   "fulfillment_plus_transit"`). A shopper always gets a real deadline, never an open-ended window,
 *   and the allowance errs on the shopper's side. If delivery is reported later, the window is
 *   recomputed from it.
 */

/** One order line, as the order sync stores it. */
export interface ReturnableLine {
  id: string;
  /** Units ordered. */
  quantity: number;
  /** Units refunded or removed without a return (cancelled units, order edits). */
  refundedQuantity?: number;
  /** Units already in a return, whatever its state. Never counted in `refundedQuantity` as well. */
  returnedQuantity?: number;
  productTags: readonly string[];
  /** Collection ids of the product, as GIDs or numeric ids. */
  collectionIds: readonly string[];
  /** When the line was (last) fulfilled, ISO 8601; absent while unfulfilled. */
  fulfilledAt?: string | null;
  /** When the carrier reported the delivery of that fulfilment, ISO 8601. */
  deliveredAt?: string | null;
}

export interface ReturnableOrder {
  /** When the order was placed (Order.processedAt), ISO 8601. */
  processedAt: string;
  cancelledAt?: string | null;
  /** The shop's IANA time zone (Shop.ianaTimezone), in which days are counted. */
  timeZone: string;
  lines: readonly ReturnableLine[];
}

export type IneligibleReason =
  | "order_cancelled"
  | "refunded"
  | "final_sale"
  | "already_returned"
  | "not_fulfilled"
  | "window_closed";
export type ReturnReason = "within_window" | IneligibleReason;

/** What the window of a line was counted from. */
export type WindowStartBasis = WindowStart | "fulfillment_plus_transit";

export interface LineEligibility {
  lineId: string;
  eligible: boolean;
  reason: ReturnReason;
  /** Last instant a return may be started, ISO 8601 in UTC; absent when no window applies. */
  deadline?: string;
  /** The last day a return may be started, YYYY-MM-DD in the shop's time zone. */
  lastDay?: string;
  /** What the window was counted from; absent when no window applies. */
  windowStart?: WindowStartBasis;
  /** Length of the window that applies, holiday extension included. */
  windowDays?: number;
  /** True when the order falls in a holiday period and got its longer window. */
  holidayExtended?: boolean;
  /** Units that may still be returned (0 when not eligible). */
  returnableQuantity: number;
  /** Ways to settle the return (empty when not eligible). */
  resolutions: Resolution[];
  restockingFeePercent: number;
  /** Conditions the returned items must meet. */
  conditions: ReturnCondition[];
}

/**
 * Decides, for every line of `order`, whether it can be returned at `now`, why (not), and until when.
 * Reasons are checked in this order: order cancelled, line refunded, final sale, nothing left to
 * return, not fulfilled yet, window closed.
 */
export function evaluateReturnEligibility(order: ReturnableOrder, rules: ReturnRules, now: Date): LineEligibility[] {
  assertTimeZone(order.timeZone);
  const orderDay = zonedDateTime(parseInstant(order.processedAt, "processedAt"), order.timeZone).date;
  const extension = holidayWindowFor(orderDay, rules);
  const windowDays = extension ?? rules.windowDays;

  return order.lines.map((line) => {
    const ineligible = (reason: IneligibleReason, window?: LineWindow): LineEligibility => ({
      lineId: line.id,
      eligible: false,
      reason,
      ...window,
      returnableQuantity: 0,
      resolutions: [],
      restockingFeePercent: 0,
      conditions: [],
    });

    if (order.cancelledAt) return ineligible("order_cancelled");
    const refunded = line.refundedQuantity ?? 0;
    if (refunded >= line.quantity) return ineligible("refunded");
    if (isFinalSale(line, rules)) return ineligible("final_sale");
    const returnable = line.quantity - refunded - (line.returnedQuantity ?? 0);
    if (returnable <= 0) return ineligible("already_returned");

    const start = windowStartFor(order, line, rules);
    const window = start ? lineWindow(start, windowDays, extension !== undefined, order.timeZone) : undefined;
    // A fulfilled line always has a window: it starts at fulfilment at the latest.
    if (!window || !(line.fulfilledAt || line.deliveredAt)) return ineligible("not_fulfilled", window);
    if (now.getTime() > Date.parse(window.deadline)) return ineligible("window_closed", window);

    return {
      lineId: line.id,
      eligible: true,
      reason: "within_window",
      ...window,
      returnableQuantity: returnable,
      resolutions: [...rules.resolutions],
      restockingFeePercent: rules.restockingFeePercent,
      conditions: [...rules.conditions],
    };
  });
}

/** True when the product carries a final-sale tag or sits in a final-sale collection. */
export function isFinalSale(line: Pick<ReturnableLine, "productTags" | "collectionIds">, rules: ReturnRules): boolean {
  const tags = new Set(rules.finalSale.tags.map(normalizeTag));
  const collections = new Set(rules.finalSale.collectionIds.map(collectionNumber));
  return (
    line.productTags.some((tag) => tags.has(normalizeTag(tag))) ||
    line.collectionIds.some((id) => collections.has(collectionNumber(id)))
  );
}

/**
 * One statement of the return policy, as a code with its numbers, so the storefront block renders it
 * through its own translations (`aftercare.returns.<code>` with the other fields as variables).
 */
export type ReturnPolicyPoint =
  | { code: "window"; days: number; startsAt: WindowStart }
  | { code: "holiday_window"; days: number; orderedFrom: string; orderedThrough: string }
  | { code: "final_sale_excluded" }
  | { code: "condition"; condition: ReturnCondition }
  | { code: "resolution"; resolution: Resolution }
  | { code: "restocking_fee"; percent: number };

export interface ReturnPolicySummary {
  windowDays: number;
  windowStartsAt: WindowStart;
  resolutions: Resolution[];
  restockingFeePercent: number;
  hasFinalSaleItems: boolean;
  /** The statements in reading order: window, holiday windows, exclusions, conditions, resolutions, fee. */
  points: ReturnPolicyPoint[];
}

/** Summarises the rules for the storefront: codes and numbers, no sentences. */
export function describeReturnPolicy(rules: ReturnRules): ReturnPolicySummary {
  const hasFinalSaleItems = rules.finalSale.tags.length > 0 || rules.finalSale.collectionIds.length > 0;
  const holidayWindows = [...rules.holidayExtensions].sort((a, b) => a.orderedFrom.localeCompare(b.orderedFrom));
  const points: ReturnPolicyPoint[] = [
    { code: "window", days: rules.windowDays, startsAt: rules.windowStartsAt },
    ...holidayWindows.map(
      (period): ReturnPolicyPoint => ({
        code: "holiday_window",
        days: period.windowDays,
        orderedFrom: period.orderedFrom,
        orderedThrough: period.orderedThrough,
      }),
    ),
    ...(hasFinalSaleItems ? [{ code: "final_sale_excluded" } as const] : []),
    ...rules.conditions.map((condition): ReturnPolicyPoint => ({ code: "condition", condition })),
    ...rules.resolutions.map((resolution): ReturnPolicyPoint => ({ code: "resolution", resolution })),
    ...(rules.restockingFeePercent > 0 ? [{ code: "restocking_fee", percent: rules.restockingFeePercent } as const] : []),
  ];
  return {
    windowDays: rules.windowDays,
    windowStartsAt: rules.windowStartsAt,
    resolutions: [...rules.resolutions],
    restockingFeePercent: rules.restockingFeePercent,
    hasFinalSaleItems,
    points,
  };
}

interface LineWindow {
  deadline: string;
  lastDay: string;
  windowStart: WindowStartBasis;
  windowDays: number;
  holidayExtended: boolean;
}

interface WindowStartPoint {
  basis: WindowStartBasis;
  day: IsoDate;
}

function windowStartFor(order: ReturnableOrder, line: ReturnableLine, rules: ReturnRules): WindowStartPoint | null {
  const dayOf = (iso: string, field: string) => zonedDateTime(parseInstant(iso, field), order.timeZone).date;
  switch (rules.windowStartsAt) {
    case "order":
      return { basis: "order", day: dayOf(order.processedAt, "processedAt") };
    case "fulfillment":
      return line.fulfilledAt ? { basis: "fulfillment", day: dayOf(line.fulfilledAt, "fulfilledAt") } : null;
    case "delivery":
      if (line.deliveredAt) return { basis: "delivery", day: dayOf(line.deliveredAt, "deliveredAt") };
      if (line.fulfilledAt) {
        return {
          basis: "fulfillment_plus_transit",
          day: addDays(dayOf(line.fulfilledAt, "fulfilledAt"), rules.transitAllowanceDays),
        };
      }
      return null;
  }
}

function lineWindow(start: WindowStartPoint, windowDays: number, holidayExtended: boolean, timeZone: string): LineWindow {
  const lastDay = addDays(start.day, windowDays);
  return {
    deadline: new Date(endOfDayIn(lastDay, timeZone)).toISOString(),
    lastDay,
    windowStart: start.basis,
    windowDays,
    holidayExtended,
  };
}

/** The longest holiday window whose period contains the order day, if any. */
function holidayWindowFor(orderDay: IsoDate, rules: ReturnRules): number | undefined {
  const matching = rules.holidayExtensions.filter((period) => period.orderedFrom <= orderDay && orderDay <= period.orderedThrough);
  return matching.length > 0 ? Math.max(...matching.map((period) => period.windowDays)) : undefined;
}

function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase();
}

/** "gid://shopify/Collection/42" and "42" name the same collection. */
function collectionNumber(id: string): string {
  return id.slice(id.lastIndexOf("/") + 1);
}

function parseInstant(iso: string, field: string): Date {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new RangeError(`${field} is not an ISO 8601 date-time: ${JSON.stringify(iso)}`);
  return new Date(time);
}

// ---- Shop calendar ----

function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${JSON.stringify(timeZone)}`);
}

const endOfDayCache = new Map<string, number>();

/**
 * Last millisecond of `date` in `timeZone`: just before the next day starts. Where a clock change
 * skips midnight (Asia/Beirut in March, America/Santiago in September) the next day starts at the
 * change. Memoised, since a shop's deadlines fall on few distinct days.
 */
function endOfDayIn(date: IsoDate, timeZone: string): number {
  const key = `${timeZone} ${date}`;
  let end = endOfDayCache.get(key);
  if (end === undefined) {
    if (endOfDayCache.size >= 4096) endOfDayCache.clear();
    end = instantAt(addDays(date, 1), 0, timeZone).getTime() - 1;
    endOfDayCache.set(key, end);
  }
  return end;
}
