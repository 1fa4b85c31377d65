import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticateWebhook, handleBatchedWebhookDelivery } from "../shopify/webhooks.server";
import { ORDER_WEBHOOKS } from "../models/orders/webhook-batches.server";
import { orderPayload, snapshotFromOrderPayload } from "../models/orders/webhook";
import { newOrderFacts } from "../models/shipping/order-promise.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request);
  const parsed = orderPayload.safeParse(payload);
  if (!parsed.success) return new Response("Payload is not an order", { status: 422 });
  // An older copy than the stored one (deliveries arrive out of order) changes nothing.
  const snapshot = snapshotFromOrderPayload(parsed.data);
  // The shopper's email and the promised range commit with the order and the receipt, or not at all.
  await handleBatchedWebhookDelivery({ webhookId, shop, topic }, ORDER_WEBHOOKS, { snapshot, newOrder: newOrderFacts(payload) });
  return new Response(null, { status: 200 });
};
