/**
 * "Browse as a customer" in the demo's storefront: the visitor picks one of the seeded shop's customers,
 * the choice is kept in a cookie on the Shopify stand-in (as Shopify keeps a customer's storefront login),
 * and from then on the storefront renders Liquid's `customer` for them and the app proxy adds their id as
 * `logged_in_customer_id` to the signed query, as Shopify does for a logged-in customer.
 */
import { legacyIdOf } from "../../tests/support/fake-admin/ids";
import type { SeedCustomer, SeedOrder, SeedShop } from "../../tests/support/fake-admin/types";

export const CUSTOMER_COOKIE = "aftercare_demo_customer";
/** How many customers the switch offers. */
const OFFERED = 6;

const numericId = (gid: string) => Number(legacyIdOf(gid));

/** The logged-in customer's numeric id from the request's cookies, if it names a customer of the shop. */
export function loggedInCustomerId(cookieHeader: string | null, seed: SeedShop): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name !== CUSTOMER_COOKIE) continue;
    const id = decodeURIComponent(value.join("="));
    return /^\d{1,20}$/.test(id) && seed.customers.some((customer) => legacyIdOf(customer.id) === id) ? id : null;
  }
  return null;
}

/** Set-Cookie for logging in as `customerId`, or logging out with null. */
export function customerCookie(customerId: string | null): string {
  return customerId
    ? `${CUSTOMER_COOKIE}=${encodeURIComponent(customerId)}; Path=/; HttpOnly; SameSite=Lax`
    : `${CUSTOMER_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

const isDelivered = (order: SeedOrder) =>
  order.cancelledAt === null && order.fulfillments.length > 0 && order.fulfillments.every((fulfillment) => fulfillment.deliveredAt !== null);

/** The customers the switch offers: those with a delivered order, so the review prompt has something to show. */
export function offeredCustomers(seed: SeedShop): SeedCustomer[] {
  const withDelivery = new Set(seed.orders.filter(isDelivered).map((order) => order.customerId));
  return seed.customers.filter((customer) => withDelivery.has(customer.id)).slice(0, OFFERED);
}

const FULFILLMENT_STATUS: Record<string, string> = { FULFILLED: "fulfilled", PARTIALLY_FULFILLED: "partial" };

/** Liquid's `customer` object for a seeded customer: their address, email and orders (newest first). */
export function liquidCustomer(seed: SeedShop, customerId: string): Record<string, unknown> | null {
  const customer = seed.customers.find((candidate) => legacyIdOf(candidate.id) === customerId);
  if (!customer) return null;
  const products = new Map(seed.products.map((product) => [product.id, product]));
  const orders = seed.orders
    .filter((order) => order.customerId === customer.id)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .map((order) => ({
      id: numericId(order.id),
      name: order.name,
      cancelled: order.cancelledAt !== null,
      fulfillment_status: FULFILLMENT_STATUS[order.displayFulfillmentStatus] ?? "unfulfilled",
      line_items: order.lineItems.map((line) => {
        const product = products.get(line.productId);
        const fulfillment = order.fulfillments.find(
          (candidate) => candidate.status === "SUCCESS" && candidate.fulfillmentLineItems.some((item) => item.lineItem.id === line.id),
        );
        return {
          id: numericId(line.id),
          title: line.title,
          quantity: line.quantity,
          product: product ? { id: numericId(product.id), title: product.title, handle: product.handle } : null,
          fulfillment: fulfillment
            ? { created_at: fulfillment.createdAt, tracking_company: fulfillment.trackingInfo[0]?.company ?? null }
            : null,
        };
      }),
    }));
  return {
    id: numericId(customer.id),
    email: customer.email,
    first_name: customer.firstName,
    last_name: customer.lastName,
    name: customer.displayName,
    default_address: { country_code: customer.defaultAddress.countryCodeV2, province_code: customer.defaultAddress.provinceCode },
    orders,
    orders_count: orders.length,
  };
}
