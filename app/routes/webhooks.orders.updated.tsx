import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticateWebhook, handleWebhookDelivery } from "../shopify/webhooks.server";
import { saveOrderSnapshots } from "../models/orders/snapshots.server";
import { orderPayload, snapshotFromOrderPayload } from "../models/orders/webhook";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request);
  const parsed = orderPayload.safeParse(payload);
  if (!parsed.success) return new Response("Payload is not an order", { status: 422 });
  // An older copy than the stored one (deliveries arrive out of order) changes nothing.
  const snapshot = snapshotFromOrderPayload(parsed.data);
  await handleWebhookDelivery({ webhookId, shop, topic }, async (tx) => {
    await saveOrderSnapshots(tx, shop, [snapshot]);
  });
  return new Response(null, { status: 200 });
};
