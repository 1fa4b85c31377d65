/**
 * Shopify's orders/* and fulfillments/* webhook payloads (the REST shapes, the parts Aftercare reads)
 * turned into order records. Personal fields are optional: without protected customer data access
 * Shopify leaves them out of the payload.
 */
import { z } from "zod";
import type { FulfillmentRecord, LineItemRecord, OrderSnapshot } from "./record";

const numericId = z.union([z.number(), z.string()]).transform(String);
const timestamp = z.string().datetime({ offset: true }).transform((value) => new Date(value));
const optionalTimestamp = timestamp.nullish().transform((value) => value ?? null);

/** REST `shipment_status` as GraphQL's Fulfillment.displayStatus names it. */
const DISPLAY_STATUS: Record<string, string> = {
  label_printed: "LABEL_PRINTED",
  label_purchased: "LABEL_PURCHASED",
  confirmed: "CONFIRMED",
  ready_for_pickup: "READY_FOR_PICKUP",
  picked_up: "PICKED_UP",
  in_transit: "IN_TRANSIT",
  out_for_delivery: "OUT_FOR_DELIVERY",
  attempted_delivery: "ATTEMPTED_DELIVERY",
  delayed: "DELAYED",
  delivered: "DELIVERED",
  failure: "FAILURE",
};
const MOVING = new Set(["IN_TRANSIT", "OUT_FOR_DELIVERY", "ATTEMPTED_DELIVERY", "DELAYED", "DELIVERED"]);

export const fulfillmentPayload = z.object({
  id: numericId,
  admin_graphql_api_id: z.string().optional(),
  order_id: numericId,
  status: z.string(),
  shipment_status: z.string().nullish(),
  created_at: timestamp,
  updated_at: timestamp,
  estimated_delivery_at: optionalTimestamp.optional(),
  tracking_company: z.string().nullish(),
  tracking_number: z.string().nullish(),
  tracking_url: z.string().nullish(),
});
export type FulfillmentPayload = z.infer<typeof fulfillmentPayload>;

export const orderPayload = z.object({
  id: numericId,
  admin_graphql_api_id: z.string().optional(),
  name: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
  cancelled_at: optionalTimestamp,
  fulfillment_status: z.string().nullish(),
  customer: z.object({ id: numericId, admin_graphql_api_id: z.string().optional() }).nullish(),
  shipping_address: z
    .object({ country_code: z.string().nullish(), province_code: z.string().nullish() })
    .nullish(),
  line_items: z
    .array(
      z.object({
        id: numericId,
        admin_graphql_api_id: z.string().optional(),
        title: z.string(),
        sku: z.string().nullish(),
        quantity: z.number().int(),
        product_id: numericId.nullish(),
      }),
    )
    .default([]),
  fulfillments: z.array(fulfillmentPayload.omit({ order_id: true }).partial({ created_at: true })).default([]),
});
export type OrderPayload = z.infer<typeof orderPayload>;

const gid = (type: string, id: string) => (id.startsWith("gid://") ? id : `gid://shopify/${type}/${id}`);

/**
 * A resource's gid: Shopify's own `admin_graphql_api_id` when the payload has one (a string, exact
 * whoever parsed the JSON), else made from the numeric id (exact when the body was read losslessly).
 */
const gidOf = (type: string, resource: { id: string; admin_graphql_api_id?: string }) =>
  resource.admin_graphql_api_id ?? gid(type, resource.id);

/** REST fulfillment_status (null, "partial", "fulfilled", "restocked") as GraphQL's displayFulfillmentStatus. */
function displayFulfillmentStatus(status: string | null | undefined): string {
  if (status === "fulfilled") return "FULFILLED";
  if (status === "partial") return "PARTIALLY_FULFILLED";
  if (status === "restocked") return "RESTOCKED";
  return "UNFULFILLED";
}

type FulfillmentFields = Omit<FulfillmentPayload, "order_id" | "created_at"> & { created_at?: Date };

/**
 * A fulfillment as a webhook describes it. The payload has no milestone timestamps: the update time
 * stands for the moment a milestone was first seen; a later sync brings Shopify's exact times.
 */
export function fulfillmentFromPayload(orderId: string, payload: FulfillmentFields): FulfillmentRecord {
  const displayStatus = payload.shipment_status ? (DISPLAY_STATUS[payload.shipment_status] ?? payload.shipment_status.toUpperCase()) : null;
  return {
    id: gidOf("Fulfillment", payload),
    orderId,
    status: payload.status.toUpperCase(),
    displayStatus,
    createdAt: payload.created_at ?? payload.updated_at,
    shopifyUpdatedAt: payload.updated_at,
    inTransitAt: displayStatus && MOVING.has(displayStatus) ? payload.updated_at : null,
    deliveredAt: displayStatus === "DELIVERED" ? payload.updated_at : null,
    estimatedDeliveryAt: payload.estimated_delivery_at ?? null,
    trackingCompany: payload.tracking_company ?? null,
    trackingNumber: payload.tracking_number ?? null,
    trackingUrl: payload.tracking_url ?? null,
  };
}

export function orderIdOfFulfillment(payload: FulfillmentPayload): string {
  return gid("Order", payload.order_id);
}

export function snapshotFromOrderPayload(payload: OrderPayload): OrderSnapshot {
  const orderId = gidOf("Order", payload);
  const lineItems: LineItemRecord[] = payload.line_items.map((item) => ({
    id: gidOf("LineItem", item),
    orderId,
    productId: item.product_id ? gid("Product", item.product_id) : null,
    title: item.title,
    sku: item.sku || null,
    quantity: item.quantity,
  }));
  return {
    order: {
      id: orderId,
      name: payload.name,
      customerId: payload.customer ? gidOf("Customer", payload.customer) : null,
      countryCode: payload.shipping_address?.country_code ?? null,
      provinceCode: payload.shipping_address?.province_code ?? null,
      fulfillmentStatus: displayFulfillmentStatus(payload.fulfillment_status),
      createdAt: payload.created_at,
      cancelledAt: payload.cancelled_at,
      shopifyUpdatedAt: payload.updated_at,
    },
    fulfillments: payload.fulfillments.map((fulfillment) => fulfillmentFromPayload(orderId, fulfillment)),
    lineItems,
  };
}
