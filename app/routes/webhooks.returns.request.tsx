import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticateWebhook, handleWebhookDelivery } from "../shopify/webhooks.server";
import { applyReturnWebhook, getReturnCopy } from "../models/returns/returns.server";
import { queueReturnRequested } from "../models/flow/events.server";
import { returnChangeFromPayload, returnWebhookPayload } from "../models/returns/webhook";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request);
  const parsed = returnWebhookPayload.safeParse(payload);
  const change = parsed.success ? returnChangeFromPayload(parsed.data) : null;
  if (!change) return new Response("Payload is not a return", { status: 422 });
  const receivedAt = new Date();
  await handleWebhookDelivery({ webhookId, shop, topic }, (tx) => applyReturnWebhook(tx, shop, topic, change, receivedAt));
  // After the receipt's transaction: the event's unique key makes a redelivery (or a return the app
  // itself requested, already queued) add nothing.
  const copy = await getReturnCopy(shop, change.shopifyReturnId);
  if (copy) await queueReturnRequested(shop, copy, receivedAt);
  return new Response(null, { status: 200 });
};
