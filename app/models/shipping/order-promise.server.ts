/**
 * What an orders/create delivery tells the keep-in-touch features: where to write to the shopper (the
 * order's email, protected customer data) and which delivery range the storefront promised at purchase
 * (recomputed with the shop's shipping rules for the moment the order was placed).
 */
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { estimateDelivery } from "./delivery-estimate";
import { recordContactDetails } from "../orders/contact-details.server";
import { recordDeliveryPromise } from "../delays/delay.server";
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

/**
 * Reads what the records need (the shop's shipping rules) and returns the writes, to run in the same
 * transaction as the order and its webhook receipt: a delivery whose writes fail is retried whole.
 */
export async function prepareNewOrderRecords(shop: string, payload: unknown): Promise<(db: Prisma.TransactionClient) => Promise<void>> {
  const parsed = newOrderPayload.safeParse(payload);
  if (!parsed.success) return async () => undefined;
  const order = parsed.data;
  // The id the order is stored under (app/models/orders/webhook.ts): Shopify's gid when the payload has one.
  const orderId = order.admin_graphql_api_id ?? `gid://shopify/Order/${order.id}`;

  const settings = await getShippingSettings(shop);
  const countryCode = order.shipping_address?.country_code;
  const productId = order.line_items?.find((line) => line.product_id)?.product_id;
  const estimate =
    settings && countryCode
      ? estimateDelivery(settings.rules, {
          now: new Date(order.created_at),
          destination: { countryCode, provinceCode: order.shipping_address?.province_code ?? undefined },
          product: productId ? { id: `gid://shopify/Product/${productId}` } : null,
        })
      : null;

  return async (db) => {
    if (order.email) {
      const contact = { orderId, email: order.email, firstName: order.customer?.first_name ?? null, locale: order.customer_locale ?? null };
      await recordContactDetails(shop, contact, new Date(), db);
    }
    if (settings && estimate) await recordDeliveryPromise(shop, orderId, estimate, settings.rules.timeZone, new Date(), db);
  };
}
