import { writeNewOrderRecords, type NewOrderFacts } from "../shipping/order-promise.server";
import type { WebhookBatchKind } from "../../shopify/webhook-batches.server";
import type { FulfillmentRecord, OrderSnapshot } from "./record";
import { saveFulfillmentChanges, saveOrderSnapshots } from "./snapshots.server";

/**
 * How order and fulfillment webhooks share a transaction when they arrive together
 * (app/shopify/webhook-batches.server.ts): one kind for both, since a sale brings them interleaved.
 */

export type OrderWebhookItem =
  /** orders/create, orders/updated, orders/cancelled; `newOrder`: orders/create's own facts (the shopper's email, where it ships). */
  | { snapshot: OrderSnapshot; newOrder?: NewOrderFacts | null }
  /** fulfillments/create, fulfillments/update. */
  | { parcel: FulfillmentRecord };

/**
 * Every order snapshot of the batch in one saveOrderSnapshots, then every parcel in one
 * saveFulfillmentChanges. Both only take copies at least as new as the stored ones and recompute an
 * order's summary from what is stored, so the result is the one the deliveries would give one by one.
 */
export const ORDER_WEBHOOKS: WebhookBatchKind<OrderWebhookItem> = {
  name: "orders",
  maxBatch: 50,
  async apply(tx, shop, items) {
    const snapshots = items.flatMap((item) => ("snapshot" in item ? [item] : []));
    const parcels = items.flatMap((item) => ("parcel" in item ? [item.parcel] : []));
    await saveOrderSnapshots(tx, shop, snapshots.map((item) => item.snapshot));
    await writeNewOrderRecords(tx, shop, snapshots.flatMap((item) => (item.newOrder ? [item.newOrder] : [])));
    await saveFulfillmentChanges(tx, shop, parcels);
  },
};
