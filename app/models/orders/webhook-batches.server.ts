import { writeNewOrderRecords, type NewOrderFacts } from "../shipping/order-promise.server";
import type { WebhookBatchKind } from "../../shopify/webhook-batches.server";
import type { FulfillmentRecord, OrderSnapshot } from "./record";
import { saveFulfillmentChanges, saveOrderSnapshots } from "./snapshots.server";

/**
 * How order and fulfillment webhooks share a transaction when they arrive together
 * (app/shopify/webhook-batches.server.ts).
 */

export interface OrderWebhookItem {
  snapshot: OrderSnapshot;
  /** orders/create's own facts (the shopper's email, where it ships), recorded after the order. */
  newOrder?: NewOrderFacts | null;
}

/** orders/create, orders/updated, orders/cancelled: every snapshot of the batch in one saveOrderSnapshots. */
export const ORDER_WEBHOOKS: WebhookBatchKind<OrderWebhookItem> = {
  name: "orders",
  maxBatch: 50,
  async apply(tx, shop, items) {
    await saveOrderSnapshots(tx, shop, items.map((item) => item.snapshot));
    await writeNewOrderRecords(tx, shop, items.flatMap((item) => (item.newOrder ? [item.newOrder] : [])));
  },
};

/** fulfillments/create and fulfillments/update: every parcel of the batch in one saveFulfillmentChanges. */
export const FULFILLMENT_WEBHOOKS: WebhookBatchKind<FulfillmentRecord> = {
  name: "fulfillments",
  maxBatch: 50,
  async apply(tx, shop, parcels) {
    await saveFulfillmentChanges(tx, shop, parcels);
  },
};
