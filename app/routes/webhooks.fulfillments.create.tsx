import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticateWebhook, handleBatchedWebhookDelivery } from "../shopify/webhooks.server";
import { FULFILLMENT_WEBHOOKS } from "../models/orders/webhook-batches.server";
import { fulfillmentFromPayload, fulfillmentPayload, orderIdOfFulfillment } from "../models/orders/webhook";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request);
  const parsed = fulfillmentPayload.safeParse(payload);
  if (!parsed.success) return new Response("Payload is not a fulfillment", { status: 422 });
  const fulfillment = fulfillmentFromPayload(orderIdOfFulfillment(parsed.data), parsed.data);
  // An older copy than the stored one (deliveries arrive out of order) changes nothing.
  await handleBatchedWebhookDelivery({ webhookId, shop, topic }, FULFILLMENT_WEBHOOKS, fulfillment);
  return new Response(null, { status: 200 });
};
