import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticateWebhook, handleWebhookDelivery } from "../shopify/webhooks.server";
import { redactShop } from "../models/shop/privacy.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId } = await authenticateWebhook(request);
  await handleWebhookDelivery({ webhookId, shop, topic }, (tx) => redactShop(tx, shop));
  return new Response(null, { status: 200 });
};
