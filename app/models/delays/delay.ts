/*
 * The delays folder: telling a shopper before they have to ask that an order runs late.
 * Pure core: delay.ts (will it miss its promise?) and notice-status.ts (what the at-risk list says).
 * Server side: delay.server.ts (promises and open orders), notice.server.ts (the email),
 * notify-shopper.server.ts (the admin's "notify now"), notice-status.server.ts.
 */
/**
 * Whether an open order will miss, or has missed, the delivery it was promised, and so deserves a
 * delay notice before the shopper has to ask. Pure: no I/O, the clock is a parameter.
 *
 * The promise at stake is the range the shopper was shown at purchase (stored per order); without one,
 * the carrier's estimate (Shopify's estimatedDeliveryAt) stands in. The notice's dedupe key names that
 * promise, so one delay is announced once however often the check runs or whatever else goes wrong.
 */
import type { ShipmentStatus } from "../orders/record";
import { addDays, instantAt, zonedDateTime, type IsoDate } from "../shop/time";

export interface PromisedRange {
  earliest: IsoDate;
  latest: IsoDate;
  /** The day the parcel should have left the warehouse, when known. */
  dispatchDate: IsoDate | null;
}

export interface DelayFacts {
  orderId: string;
  shipmentStatus: ShipmentStatus;
  /** The shop's time zone: a promise ends at midnight at the end of its last day, there. */
  timeZone: string;
  promise: PromisedRange | null;
  /** The carrier's estimate for the first parcel still on its way (Order.openEstimateAt). */
  carrierEstimateAt: Date | null;
  /** A parcel's latest tracking status is DELAYED (the carrier says it is late). */
  carrierReportsDelay: boolean;
}

export type DelayReason =
  /** The promised range is over and the order has not arrived. */
  | "missed"
  /** The carrier now expects the parcel after the promised range. */
  | "will_miss"
  /** The parcel has not left the warehouse by its dispatch date. */
  | "late_dispatch"
  /** The carrier reports a delay. */
  | "carrier_delay"
  /** The carrier could not deliver. */
  | "delivery_failed";

export interface DelayVerdict {
  orderId: string;
  reason: DelayReason;
  /** The last day of the promise at stake (shop-local), or null when nothing was promised. */
  promisedLatest: IsoDate | null;
  dedupeKey: string;
}

/** A delay noticed this long after the promise ended is left to the merchant: no email that late. */
export const NOTICE_WINDOW_DAYS = 14;

const OPEN_STATUSES: ReadonlySet<ShipmentStatus> = new Set(["unfulfilled", "partially_fulfilled", "in_transit", "failed"]);

/** The instant a shop-local day ends. */
export function endOfDay(date: IsoDate, timeZone: string): Date {
  return instantAt(addDays(date, 1), 0, timeZone);
}

export function delayDedupeKey(orderId: string, promisedLatest: IsoDate | null): string {
  return `delay:${orderId}:${promisedLatest ?? "none"}`;
}

function reasonFor(facts: DelayFacts, promisedLatest: IsoDate | null, now: Date): DelayReason | null {
  if (facts.shipmentStatus === "failed") return "delivery_failed";
  if (facts.carrierReportsDelay) return "carrier_delay";
  if (!promisedLatest) return null;
  if (now >= endOfDay(promisedLatest, facts.timeZone)) return "missed";
  if (facts.carrierEstimateAt && zonedDateTime(facts.carrierEstimateAt, facts.timeZone).date > promisedLatest) return "will_miss";
  const unshipped = facts.shipmentStatus === "unfulfilled" || facts.shipmentStatus === "partially_fulfilled";
  if (unshipped && facts.promise?.dispatchDate && now >= endOfDay(facts.promise.dispatchDate, facts.timeZone)) return "late_dispatch";
  return null;
}

/** The last day of the promise at stake: the range shown at purchase, else the carrier's estimate (shop-local). */
export function promisedLatestOf(facts: Pick<DelayFacts, "promise" | "carrierEstimateAt" | "timeZone">): IsoDate | null {
  return facts.promise?.latest ?? (facts.carrierEstimateAt ? zonedDateTime(facts.carrierEstimateAt, facts.timeZone).date : null);
}

/** Whether the order is still on its way (a delivered or cancelled order has no delay to announce). */
export const isOpenOrder = (status: ShipmentStatus) => OPEN_STATUSES.has(status);

/** The delay to announce for an order now, or null when it is on time (or no longer worth an email). */
export function detectDelay(facts: DelayFacts, now: Date): DelayVerdict | null {
  if (!OPEN_STATUSES.has(facts.shipmentStatus)) return null;
  const promisedLatest = promisedLatestOf(facts);
  const reason = reasonFor(facts, promisedLatest, now);
  if (!reason) return null;
  if (promisedLatest && now >= endOfDay(addDays(promisedLatest, NOTICE_WINDOW_DAYS), facts.timeZone)) return null;
  return { orderId: facts.orderId, reason, promisedLatest, dedupeKey: delayDedupeKey(facts.orderId, promisedLatest) };
}

// ---- Delivery promise kept ----

export interface PromiseOutcomeInput {
  zoneId: string | null;
  promise: { earliest: IsoDate; latest: IsoDate };
  deliveredAt: Date;
}

export interface PromiseKeptRow {
  zoneId: string | null;
  delivered: number;
  early: number;
  inside: number;
  late: number;
  /** Share delivered by the last promised day (early or inside), 0..100, one decimal. */
  keptPercent: number;
}

/** Share of delivered orders that arrived by the end of the range the shopper was shown, per zone. */
export function promiseKeptByZone(outcomes: readonly PromiseOutcomeInput[], timeZone: string): PromiseKeptRow[] {
  const rows = new Map<string | null, PromiseKeptRow>();
  for (const outcome of outcomes) {
    const row = rows.get(outcome.zoneId) ?? { zoneId: outcome.zoneId, delivered: 0, early: 0, inside: 0, late: 0, keptPercent: 0 };
    const day = zonedDateTime(outcome.deliveredAt, timeZone).date;
    row.delivered += 1;
    if (day < outcome.promise.earliest) row.early += 1;
    else if (day <= outcome.promise.latest) row.inside += 1;
    else row.late += 1;
    rows.set(outcome.zoneId, row);
  }
  return [...rows.values()]
    .map((row) => ({ ...row, keptPercent: Math.round(((row.early + row.inside) * 1000) / row.delivered) / 10 }))
    .sort((a, b) => b.delivered - a.delivered);
}
