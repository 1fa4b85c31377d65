/**
 * The shopper's view of where an order is: a timeline of five steps, the carrier and tracking link,
 * and the delivery range they were promised. Only what the shopper already knows or the carrier
 * publishes; no address, name or email. Pure: no I/O, the clock is a parameter.
 *
 * It tells the same story as the admin's at-risk list (app/models/delay.ts): a failed delivery is shown
 * as failed, and an order past its promised range or the carrier's estimate as later than we said, with
 * the carrier's newer estimate when there is one, never a date already past.
 */
import { endOfDay } from "../delays/delay";
import { activeFulfillments, type FulfillmentRecord } from "./record";
import { zonedDateTime, type IsoDate } from "../shop/time";

export const TIMELINE_STEPS = ["ordered", "fulfilled", "in_transit", "out_for_delivery", "delivered"] as const;
export type TimelineStep = (typeof TIMELINE_STEPS)[number];

export interface TimelineEntry {
  step: TimelineStep;
  done: boolean;
  /** Shop-local date the step happened, when known. */
  on: IsoDate | null;
}

export interface OrderStatusFacts {
  name: string;
  createdAt: Date;
  cancelledAt: Date | null;
  /** Order.displayFulfillmentStatus (FULFILLED once every item shipped). */
  fulfillmentStatus: string;
  parcels: readonly FulfillmentRecord[];
  promise: { earliest: IsoDate; latest: IsoDate } | null;
}

/**
 * What went wrong, if anything: `failed` the carrier could not deliver; `late` the order is past (or the
 * carrier now expects it after) what the shopper was told. Null while it is on time, delivered or cancelled.
 */
export type OrderStatusAlert = "failed" | "late" | null;

export interface OrderStatusView {
  name: string;
  cancelled: boolean;
  alert: OrderStatusAlert;
  timeline: TimelineEntry[];
  /** The step the order is at now (the last one done). */
  current: TimelineStep;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  /**
   * When to expect it: the promised range, or the carrier's estimate as a one-day range. For a late order
   * only the carrier's newer estimate (later than the promise, not yet past); null when there is none.
   */
  estimate: { earliest: IsoDate; latest: IsoDate; source: "promise" | "carrier" } | null;
  deliveredOn: IsoDate | null;
}

const latestOf = (dates: Array<Date | null>) => dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);
const earliestOf = (dates: Array<Date | null>) => dates.reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null);

function safeTrackingUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

type Estimate = OrderStatusView["estimate"];

/** Whether the order is failed or late, and the expectation to show with that (see OrderStatusView). */
export function deliveryOutlook(
  facts: Pick<OrderStatusFacts, "promise"> & { cancelled: boolean; delivered: boolean; parcels: readonly FulfillmentRecord[] },
  timeZone: string,
  now: Date,
): { alert: OrderStatusAlert; estimate: Estimate } {
  const day = (date: Date) => zonedDateTime(date, timeZone).date;
  const undelivered = facts.parcels.filter((parcel) => !parcel.deliveredAt);
  const estimates = undelivered.flatMap((parcel) => (parcel.estimatedDeliveryAt ? [parcel.estimatedDeliveryAt] : []));
  const earliestEstimate = earliestOf(estimates);
  const latestEstimate = latestOf(estimates);
  const promised: Estimate = facts.promise ? { ...facts.promise, source: "promise" } : null;
  const carrier = (date: Date | null): Estimate => (date ? { earliest: day(date), latest: day(date), source: "carrier" } : null);

  if (facts.cancelled || facts.delivered) return { alert: null, estimate: promised ?? carrier(earliestEstimate) };
  if (undelivered.some((parcel) => parcel.displayStatus === "FAILURE")) return { alert: "failed", estimate: null };

  const promiseOver = facts.promise !== null && now >= endOfDay(facts.promise.latest, timeZone);
  const estimatePassed = earliestEstimate !== null && earliestEstimate < now;
  // The carrier's newest word, when it is still ahead and later than what the shopper was promised.
  const newer = latestEstimate && latestEstimate >= now && (!facts.promise || day(latestEstimate) > facts.promise.latest) ? latestEstimate : null;
  const willMiss = facts.promise !== null && newer !== null;
  if (promiseOver || estimatePassed || willMiss) return { alert: "late", estimate: carrier(newer) };
  return { alert: null, estimate: promised ?? carrier(earliestEstimate) };
}

export function orderStatusView(facts: OrderStatusFacts, timeZone: string, now: Date = new Date()): OrderStatusView {
  const day = (date: Date | null) => (date ? zonedDateTime(date, timeZone).date : null);
  const parcels = activeFulfillments(facts.parcels);
  const shipped = parcels.length > 0;
  const allDelivered = shipped && facts.fulfillmentStatus === "FULFILLED" && parcels.every((parcel) => parcel.deliveredAt);
  const inTransit = parcels.some((parcel) => parcel.inTransitAt || parcel.deliveredAt || parcel.displayStatus === "IN_TRANSIT" || parcel.displayStatus === "OUT_FOR_DELIVERY");
  const outForDelivery = allDelivered || parcels.some((parcel) => parcel.displayStatus === "OUT_FOR_DELIVERY");

  const timeline: TimelineEntry[] = [
    { step: "ordered", done: true, on: day(facts.createdAt) },
    { step: "fulfilled", done: shipped, on: day(earliestOf(parcels.map((parcel) => parcel.createdAt))) },
    { step: "in_transit", done: inTransit, on: day(earliestOf(parcels.map((parcel) => parcel.inTransitAt))) },
    { step: "out_for_delivery", done: outForDelivery, on: null },
    { step: "delivered", done: allDelivered, on: allDelivered ? day(latestOf(parcels.map((parcel) => parcel.deliveredAt))) : null },
  ];
  const current = [...timeline].reverse().find((entry) => entry.done)?.step ?? "ordered";
  // The parcel to follow: the newest one still on its way, else the newest.
  const followed = [...parcels].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).find((parcel) => !parcel.deliveredAt) ?? parcels.at(-1) ?? null;
  const cancelled = facts.cancelledAt !== null;
  const outlook = deliveryOutlook({ promise: facts.promise, cancelled, delivered: allDelivered, parcels }, timeZone, now);

  return {
    name: facts.name,
    cancelled,
    alert: outlook.alert,
    timeline,
    current,
    carrier: followed?.trackingCompany ?? null,
    trackingNumber: followed?.trackingNumber ?? null,
    trackingUrl: safeTrackingUrl(followed?.trackingUrl ?? null),
    estimate: outlook.estimate,
    deliveredOn: timeline[4].on,
  };
}
