/**
 * What a shopper's order status look-up reads, decoded from the one JSON document the look-up's single
 * statement builds (status-facts.server.ts): the order, its contact email, promised range, parcels,
 * returns and the shop's time zone; and what every order status door shows of them (orderStatusOf).
 * Pure: no I/O. SQLite writes dates as "…+00:00" (or epoch
 * milliseconds), PostgreSQL as "…" without a zone (the columns are UTC timestamps): both decode to Date.
 */
import { orderReturnStatuses, type OrderReturnStatus, type ReturnCopyFacts } from "../returns/order-status";
import { isValidTimeZone } from "../shop/time";
import type { FulfillmentRecord } from "./record";
import { orderStatusView, type OrderStatusView } from "./status";

export interface OrderLookupFacts {
  order: { id: string; name: string; customerId: string | null; createdAt: Date; cancelledAt: Date | null; fulfillmentStatus: string };
  /** The order's contact email, or null when none is stored. */
  email: string | null;
  promise: { earliest: string; latest: string } | null;
  /** Oldest first (by creation, then id). */
  parcels: FulfillmentRecord[];
  /** Oldest request first (then by id), as the order status surfaces list them. */
  returns: ReturnCopyFacts[];
  /** The shop's time zone from its saved shipping rules; UTC until they saved valid ones. */
  timeZone: string;
}

type Json = Record<string, unknown>;

export class StatusFactsError extends Error {}

function date(value: unknown, field: string): Date {
  const parsed =
    typeof value === "number" ? new Date(value) : typeof value === "string" ? new Date(/(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) throw new StatusFactsError(`Order status facts: ${field} is not a date (${JSON.stringify(value)})`);
  return parsed;
}

const optionalDate = (value: unknown, field: string) => (value === null || value === undefined ? null : date(value, field));

function text(value: unknown, field: string): string {
  if (typeof value !== "string") throw new StatusFactsError(`Order status facts: ${field} is not text (${JSON.stringify(value)})`);
  return value;
}

const optionalText = (value: unknown, field: string) => (value === null || value === undefined ? null : text(value, field));

/** A nested document: SQLite may hand it over as JSON text, PostgreSQL as JSON already. */
function nested(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}

function list(value: unknown, field: string): Json[] {
  const parsed = nested(value ?? []);
  if (!Array.isArray(parsed)) throw new StatusFactsError(`Order status facts: ${field} is not a list`);
  return parsed as Json[];
}

const byTimeThenId = <T extends { id: string }>(time: (entry: T) => Date) => (a: T, b: T) =>
  time(a).getTime() - time(b).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function parcelOf(row: Json): FulfillmentRecord {
  return {
    id: text(row.id, "parcel id"),
    orderId: text(row.orderId, "parcel orderId"),
    status: text(row.status, "parcel status"),
    displayStatus: optionalText(row.displayStatus, "parcel displayStatus"),
    createdAt: date(row.createdAt, "parcel createdAt"),
    shopifyUpdatedAt: date(row.shopifyUpdatedAt, "parcel shopifyUpdatedAt"),
    inTransitAt: optionalDate(row.inTransitAt, "parcel inTransitAt"),
    deliveredAt: optionalDate(row.deliveredAt, "parcel deliveredAt"),
    estimatedDeliveryAt: optionalDate(row.estimatedDeliveryAt, "parcel estimatedDeliveryAt"),
    trackingCompany: optionalText(row.trackingCompany, "parcel trackingCompany"),
    trackingNumber: optionalText(row.trackingNumber, "parcel trackingNumber"),
    trackingUrl: optionalText(row.trackingUrl, "parcel trackingUrl"),
  };
}

function returnOf(row: Json): ReturnCopyFacts & { id: string } {
  return {
    id: text(row.id, "return id"),
    name: optionalText(row.name, "return name"),
    status: text(row.status, "return status"),
    requestedAt: date(row.requestedAt, "return requestedAt"),
    labelUrl: optionalText(row.labelUrl, "return labelUrl"),
    trackingUrl: optionalText(row.trackingUrl, "return trackingUrl"),
    declineReason: optionalText(row.declineReason, "return declineReason"),
    declineNote: optionalText(row.declineNote, "return declineNote"),
    refundAmount: optionalText(row.refundAmount, "return refundAmount"),
    refundCurrency: optionalText(row.refundCurrency, "return refundCurrency"),
    refundedAt: optionalDate(row.refundedAt, "return refundedAt"),
  };
}

/** The look-up statement's document, or null when it found no order. */
export function decodeOrderLookupFacts(document: string | null | undefined): OrderLookupFacts | null {
  if (document === null || document === undefined) return null;
  const row = JSON.parse(document) as Json;
  const promise = nested(row.promise) as Json | null;
  const timeZone = row.timeZone;
  const returns = list(row.returns, "returns").map(returnOf).sort(byTimeThenId((entry) => entry.requestedAt));
  return {
    order: {
      id: text(row.id, "order id"),
      name: text(row.name, "order name"),
      customerId: optionalText(row.customerId, "order customerId"),
      createdAt: date(row.createdAt, "order createdAt"),
      cancelledAt: optionalDate(row.cancelledAt, "order cancelledAt"),
      fulfillmentStatus: text(row.fulfillmentStatus, "order fulfillmentStatus"),
    },
    email: optionalText(row.email, "email"),
    promise: promise ? { earliest: text(promise.earliest, "promise earliest"), latest: text(promise.latest, "promise latest") } : null,
    parcels: list(row.parcels, "parcels").map(parcelOf).sort(byTimeThenId((parcel) => parcel.createdAt)),
    returns: returns.map(({ id: _id, ...copy }) => copy),
    timeZone: typeof timeZone === "string" && isValidTimeZone(timeZone) ? timeZone : "UTC",
  };
}

/** What every order status door shows of the facts: the timeline and the returns, in the shop's time zone. */
export function orderStatusOf(facts: OrderLookupFacts, now: Date): { order: OrderStatusView; returns: OrderReturnStatus[] } {
  const { order, parcels, promise, timeZone } = facts;
  return { order: orderStatusView({ ...order, parcels, promise }, timeZone, now), returns: orderReturnStatuses(facts.returns, timeZone) };
}
