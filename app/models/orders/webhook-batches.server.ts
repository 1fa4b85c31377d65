import type { Prisma } from "@prisma/client";
import type { WebhookBatchKind } from "../../shopify/webhook-batches.server";
import type { FulfillmentRecord, OrderSnapshot } from "./record";
import { saveFulfillmentChanges, saveOrderSnapshots } from "./snapshots.server";

/**
 * How order and fulfillment webhooks share a transaction when they arrive together
 * (app/shopify/webhook-batches.server.ts).
 */

export interface OrderWebhookItem {
  snapshot: OrderSnapshot;
  /** orders/create's own records (the shopper's email, the promised range), written after the order. */
  writeNewOrderRecords?: (tx: Prisma.TransactionClient) => Promise<void>;
}

/** orders/create, orders/updated, orders/cancelled: every snapshot of the batch in one saveOrderSnapshots. */
export const ORDER_WEBHOOKS: WebhookBatchKind<OrderWebhookItem> = {
  name: "orders",
  maxBatch: 50,
  async apply(tx, shop, items) {
    await saveOrderSnapshots(tx, shop, items.map((item) => item.snapshot));
    for (const item of items) await item.writeNewOrderRecords?.(tx);
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
