/*
 * The orders folder: the shop's orders as Aftercare keeps them and what shoppers may look up.
 * Pure core: record.ts, webhook.ts (payloads), status.ts (what the order status doors show),
 * status-facts.ts (decoding what they read).
 * Server side: snapshots.server.ts (writes), contact-details.server.ts, lock.server.ts, the look-ups
 * (lookup-request.server.ts, status.server.ts, and status-facts.server.ts: every order status door's
 * read in one statement) and the customer account doors (customer-*.ts).
 */
/**
 * An order as Aftercare keeps it, whichever way it arrived (order sync, bulk export or webhook), and the
 * delivery facts derived from it on write so the dashboard can aggregate them in SQL. Pure: no I/O.
 */

export type ShipmentStatus = "unfulfilled" | "partially_fulfilled" | "in_transit" | "delivered" | "failed" | "cancelled";

export interface OrderRecord {
  id: string;
  name: string;
  customerId: string | null;
  countryCode: string | null;
  provinceCode: string | null;
  /** Order.displayFulfillmentStatus: FULFILLED, PARTIALLY_FULFILLED, UNFULFILLED, ... */
  fulfillmentStatus: string;
  createdAt: Date;
  cancelledAt: Date | null;
  shopifyUpdatedAt: Date;
}

export interface FulfillmentRecord {
  id: string;
  orderId: string;
  /** Fulfillment.status: SUCCESS, CANCELLED, ERROR, FAILURE, OPEN, PENDING */
  status: string;
  /** Fulfillment.displayStatus: CONFIRMED, IN_TRANSIT, DELIVERED, FAILURE, ... */
  displayStatus: string | null;
  createdAt: Date;
  shopifyUpdatedAt: Date;
  inTransitAt: Date | null;
  deliveredAt: Date | null;
  estimatedDeliveryAt: Date | null;
  trackingCompany: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
}

export interface LineItemRecord {
  id: string;
  orderId: string;
  productId: string | null;
  title: string;
  sku: string | null;
  quantity: number;
}

/** One order change: `lineItems` null means "not part of this change, keep what is stored". */
export interface OrderSnapshot {
  order: OrderRecord;
  fulfillments: FulfillmentRecord[];
  lineItems: LineItemRecord[] | null;
}

export interface DeliverySummary {
  shipmentStatus: ShipmentStatus;
  firstFulfilledAt: Date | null;
  inTransitAt: Date | null;
  deliveredAt: Date | null;
  openEstimateAt: Date | null;
  undatedParcelSince: Date | null;
  deliveredLate: boolean;
  fulfilmentMinutes: number | null;
  deliveryMinutes: number | null;
  createdWeek: string;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const VOID_FULFILLMENT_STATUSES = new Set(["CANCELLED", "ERROR"]);

const earliest = (dates: Array<Date | null>): Date | null =>
  dates.reduce<Date | null>((min, date) => (date && (!min || date < min) ? date : min), null);
const latest = (dates: Array<Date | null>): Date | null =>
  dates.reduce<Date | null>((max, date) => (date && (!max || date > max) ? date : max), null);
const minutesBetween = (from: Date, to: Date | null): number | null =>
  to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / MINUTE)) : null;

/** Monday (UTC) of the week holding `date`, as YYYY-MM-DD. */
export function weekOf(date: Date): string {
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  const monday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - daysSinceMonday * DAY);
  return monday.toISOString().slice(0, 10);
}

/** Fulfillments that still describe a parcel (a cancelled or errored fulfillment shipped nothing). */
export function activeFulfillments(fulfillments: readonly FulfillmentRecord[]): FulfillmentRecord[] {
  return fulfillments.filter((fulfillment) => !VOID_FULFILLMENT_STATUSES.has(fulfillment.status));
}

const isFailed = (fulfillment: FulfillmentRecord) => fulfillment.displayStatus === "FAILURE";

function shipmentStatusOf(order: OrderRecord, parcels: readonly FulfillmentRecord[]): ShipmentStatus {
  if (order.cancelledAt) return "cancelled";
  if (parcels.some(isFailed)) return "failed";
  if (order.fulfillmentStatus !== "FULFILLED") return parcels.length > 0 ? "partially_fulfilled" : "unfulfilled";
  if (parcels.length === 0 || parcels.some((parcel) => !parcel.deliveredAt)) return "in_transit";
  return "delivered";
}

/** Everything the dashboard needs about an order's delivery, from the order and its fulfillments. */
export function summarizeDelivery(order: OrderRecord, fulfillments: readonly FulfillmentRecord[]): DeliverySummary {
  const parcels = activeFulfillments(fulfillments);
  const shipmentStatus = shipmentStatusOf(order, parcels);
  const undelivered = parcels.filter((parcel) => !parcel.deliveredAt);
  const fullyFulfilled = order.fulfillmentStatus === "FULFILLED" && parcels.length > 0 && !order.cancelledAt;
  const fulfilledAt = fullyFulfilled ? latest(parcels.map((parcel) => parcel.createdAt)) : null;
  const deliveredAt = shipmentStatus === "delivered" ? latest(parcels.map((parcel) => parcel.deliveredAt)) : null;

  return {
    shipmentStatus,
    firstFulfilledAt: earliest(parcels.map((parcel) => parcel.createdAt)),
    inTransitAt: earliest(parcels.map((parcel) => parcel.inTransitAt)),
    deliveredAt,
    openEstimateAt: earliest(undelivered.map((parcel) => parcel.estimatedDeliveryAt)),
    undatedParcelSince: earliest(
      undelivered
        .filter((parcel) => !parcel.estimatedDeliveryAt && !isFailed(parcel))
        .map((parcel) => parcel.inTransitAt ?? parcel.createdAt),
    ),
    deliveredLate: parcels.some(
      (parcel) => parcel.deliveredAt && parcel.estimatedDeliveryAt && parcel.deliveredAt > parcel.estimatedDeliveryAt,
    ),
    fulfilmentMinutes: minutesBetween(order.createdAt, fulfilledAt),
    deliveryMinutes: minutesBetween(order.createdAt, deliveredAt),
    createdWeek: weekOf(order.createdAt),
  };
}

/**
 * Merges a fulfillment change over the stored copy. A change older than the stored copy is ignored
 * (webhooks arrive out of order). A milestone keeps the earliest time known for it: webhook payloads
 * have no milestone timestamps, so they stand in with the time the change was seen, never earlier.
 */
export function mergeFulfillment(stored: FulfillmentRecord | undefined, incoming: FulfillmentRecord): FulfillmentRecord {
  if (!stored) return incoming;
  if (incoming.shopifyUpdatedAt < stored.shopifyUpdatedAt) return stored;
  return {
    ...incoming,
    inTransitAt: earliest([stored.inTransitAt, incoming.inTransitAt]),
    deliveredAt: earliest([stored.deliveredAt, incoming.deliveredAt]),
    estimatedDeliveryAt: incoming.estimatedDeliveryAt ?? stored.estimatedDeliveryAt,
    trackingCompany: incoming.trackingCompany ?? stored.trackingCompany,
    trackingNumber: incoming.trackingNumber ?? stored.trackingNumber,
    trackingUrl: incoming.trackingUrl ?? stored.trackingUrl,
  };
}

/** True when `incoming` may replace `stored`: same or newer Shopify update time. */
export function isSameOrNewer(stored: { shopifyUpdatedAt: Date } | undefined, incoming: { shopifyUpdatedAt: Date }): boolean {
  return !stored || incoming.shopifyUpdatedAt >= stored.shopifyUpdatedAt;
}
