/**
 * What an orders/create delivery tells the keep-in-touch features: where to write to the shopper (the
 * order's email, protected customer data) and which delivery range the storefront promised at purchase
 * (recomputed with the shop's shipping rules for the moment the order was placed).
 */
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { estimateDelivery } from "./delivery-estimate";
import { recordContactDetailsMany, type ContactDetails } from "../orders/contact-details.server";
import { recordDeliveryPromises } from "../delays/delay.server";
import { getShippingSettings } from "./settings.server";

const newOrderPayload = z.object({
  id: z.union([z.number(), z.string()]).transform(String),
  admin_graphql_api_id: z.string().optional(),
  created_at: z.string(),
  email: z.string().email().nullish().catch(null),
  customer_locale: z.string().nullish(),
  customer: z.object({ first_name: z.string().nullish() }).nullish(),
  shipping_address: z.object({ country_code: z.string().nullish(), province_code: z.string().nullish() }).nullish(),
  line_items: z.array(z.object({ product_id: z.union([z.number(), z.string()]).nullish() })).optional(),
});

/** What orders/create tells about a new order, read from its payload (null: not an order). */
export interface NewOrderFacts {
  orderId: string;
  createdAt: Date;
  contact: ContactDetails | null;
  countryCode: string | null;
  provinceCode: string | null;
  productId: string | null;
}

export function newOrderFacts(payload: unknown): NewOrderFacts | null {
  const parsed = newOrderPayload.safeParse(payload);
  if (!parsed.success) return null;
  const order = parsed.data;
  // The id the order is stored under (app/models/orders/webhook.ts): Shopify's gid when the payload has one.
  const orderId = order.admin_graphql_api_id ?? `gid://shopify/Order/${order.id}`;
  const productId = order.line_items?.find((line) => line.product_id)?.product_id;
  return {
    orderId,
    createdAt: new Date(order.created_at),
    contact: order.email ? { orderId, email: order.email, firstName: order.customer?.first_name ?? null, locale: order.customer_locale ?? null } : null,
    countryCode: order.shipping_address?.country_code ?? null,
    provinceCode: order.shipping_address?.province_code ?? null,
    productId: productId ? `gid://shopify/Product/${productId}` : null,
  };
}

/**
 * The new orders' own records, in the transaction that writes the orders and their webhook receipts
 * (a delivery whose writes fail is retried whole): the shopper's email, and the range the shop's
 * shipping rules promised when each order was placed. A few statements for a batch of orders.
 */
export async function writeNewOrderRecords(db: Prisma.TransactionClient, shop: string, orders: readonly NewOrderFacts[], now = new Date()): Promise<void> {
  if (orders.length === 0) return;
  await recordContactDetailsMany(shop, orders.flatMap((order) => (order.contact ? [order.contact] : [])), now, db);
  const settings = await getShippingSettings(shop, db);
  if (!settings) return;
  const promises = orders.flatMap((order) => {
    if (!order.countryCode) return [];
    const window = estimateDelivery(settings.rules, {
      now: order.createdAt,
      destination: { countryCode: order.countryCode, provinceCode: order.provinceCode ?? undefined },
      product: order.productId ? { id: order.productId } : null,
    });
    return window ? [{ orderId: order.orderId, window }] : [];
  });
  await recordDeliveryPromises(db, shop, promises, settings.rules.timeZone, now);
}
