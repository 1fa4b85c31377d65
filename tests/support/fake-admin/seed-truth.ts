import type { SeedFulfillment, SeedOrder, SeedShop } from "./types";

/**
 * What the seed data says, computed from the same fields the app reads through the API, so tests can
 * compare the app's conclusions with the truth. `now` defaults to the moment the seed describes.
 */

/** An unfulfilled order older than this many days is at risk of missing its promise. */
export const AT_RISK_AFTER_DAYS = 3;
/** Without `read_all_orders`, Shopify only serves orders created in the last 60 days. */
export const RECENT_ORDERS_DAYS = 60;

const DAY = 86_400_000;
const at = (shop: SeedShop, now?: Date) => (now ?? new Date(shop.now)).getTime();
const time = (value: string | null) => (value === null ? null : Date.parse(value));

export type DeliveryState =
  | "cancelled"
  | "unfulfilled"
  | "at-risk"
  | "in-transit"
  | "late"
  | "failed"
  | "delivered-on-time"
  | "delivered-late";

function isLateParcel(fulfillment: SeedFulfillment, now: number): boolean {
  const estimate = time(fulfillment.estimatedDeliveryAt);
  return fulfillment.deliveredAt === null && estimate !== null && estimate < now;
}

function deliveredLate(fulfillment: SeedFulfillment): boolean {
  const delivered = time(fulfillment.deliveredAt);
  const estimate = time(fulfillment.estimatedDeliveryAt);
  return delivered !== null && estimate !== null && delivered > estimate;
}

/** One word for where an order stands; the first matching rule wins, top to bottom. */
export function deliveryState(order: SeedOrder, now: number): DeliveryState {
  if (order.cancelledAt !== null) return "cancelled";
  if (order.fulfillments.some((f) => f.displayStatus === "FAILURE")) return "failed";
  if (order.fulfillments.some((f) => isLateParcel(f, now))) return "late";
  if (order.displayFulfillmentStatus !== "FULFILLED") {
    return now - Date.parse(order.createdAt) > AT_RISK_AFTER_DAYS * DAY ? "at-risk" : "unfulfilled";
  }
  if (order.fulfillments.some((f) => f.deliveredAt === null)) return "in-transit";
  return order.fulfillments.some(deliveredLate) ? "delivered-late" : "delivered-on-time";
}

export function ordersInState(shop: SeedShop, state: DeliveryState, now?: Date): SeedOrder[] {
  const moment = at(shop, now);
  return shop.orders.filter((order) => deliveryState(order, moment) === state);
}

/** Orders with a parcel past its estimated delivery and not delivered (failed deliveries included). */
export function lateOrders(shop: SeedShop, now?: Date): SeedOrder[] {
  const moment = at(shop, now);
  return shop.orders.filter((order) => order.cancelledAt === null && order.fulfillments.some((f) => isLateParcel(f, moment)));
}

/** Orders not cancelled, with items still unshipped, placed more than `days` ago. */
export function atRiskOrders(shop: SeedShop, now?: Date, days = AT_RISK_AFTER_DAYS): SeedOrder[] {
  const moment = at(shop, now);
  return shop.orders.filter(
    (order) =>
      order.cancelledAt === null &&
      order.displayFulfillmentStatus !== "FULFILLED" &&
      moment - Date.parse(order.createdAt) > days * DAY,
  );
}

/** Orders whose every parcel arrived. */
export function deliveredOrders(shop: SeedShop): SeedOrder[] {
  return shop.orders.filter(
    (order) =>
      order.cancelledAt === null &&
      order.displayFulfillmentStatus === "FULFILLED" &&
      order.fulfillments.every((f) => f.deliveredAt !== null),
  );
}

/** Delivered orders where some parcel arrived after its estimate. */
export function deliveredLateOrders(shop: SeedShop): SeedOrder[] {
  return deliveredOrders(shop).filter((order) => order.fulfillments.some(deliveredLate));
}

/** Orders the API serves without the `read_all_orders` scope. */
export function recentOrders(shop: SeedShop, now?: Date, days = RECENT_ORDERS_DAYS): SeedOrder[] {
  const cutoff = at(shop, now) - days * DAY;
  return shop.orders.filter((order) => Date.parse(order.createdAt) >= cutoff);
}

export function cancelledOrders(shop: SeedShop): SeedOrder[] {
  return shop.orders.filter((order) => order.cancelledAt !== null);
}

export function refundedOrders(shop: SeedShop): SeedOrder[] {
  return shop.orders.filter((order) => order.displayFinancialStatus.includes("REFUNDED"));
}

/** Products a shopper cannot return (tagged "final-sale"). */
export function finalSaleProducts(shop: SeedShop) {
  return shop.products.filter((product) => product.tags.includes("final-sale"));
}
