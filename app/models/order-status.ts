/**
 * The shopper's view of where an order is: a timeline of five steps, the carrier and tracking link,
 * and the delivery range they were promised. Only what the shopper already knows or the carrier
 * publishes; no address, name or email. Pure: no I/O.
 */
import { activeFulfillments, type FulfillmentRecord } from "./order-record";
import { zonedDateTime, type IsoDate } from "./shop-time";

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

export interface OrderStatusView {
  name: string;
  cancelled: boolean;
  timeline: TimelineEntry[];
  /** The step the order is at now (the last one done). */
  current: TimelineStep;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  /** The promised range, or the carrier's estimate as a one-day range. */
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

export function orderStatusView(facts: OrderStatusFacts, timeZone: string): OrderStatusView {
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
  const carrierEstimate = day(earliestOf(parcels.filter((parcel) => !parcel.deliveredAt).map((parcel) => parcel.estimatedDeliveryAt)));

  return {
    name: facts.name,
    cancelled: facts.cancelledAt !== null,
    timeline,
    current,
    carrier: followed?.trackingCompany ?? null,
    trackingNumber: followed?.trackingNumber ?? null,
    trackingUrl: safeTrackingUrl(followed?.trackingUrl ?? null),
    estimate: facts.promise
      ? { ...facts.promise, source: "promise" }
      : carrierEstimate
        ? { earliest: carrierEstimate, latest: carrierEstimate, source: "carrier" }
        : null,
    deliveredOn: timeline[4].on,
  };
}
