import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticateWebhook } from "../shopify/webhooks.server";
import { redactShop } from "../models/privacy.server";
import { handleWebhookOnce } from "../models/webhook-receipt.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId } = await authenticateWebhook(request);
  await handleWebhookOnce({ webhookId, shop, topic }, (tx) => redactShop(tx, shop));
  return new Response(null, { status: 200 });
};
