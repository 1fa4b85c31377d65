import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticateWebhook } from "../shopify/webhooks.server";
import { markUninstalled } from "../models/privacy.server";
import { handleWebhookOnce } from "../models/webhook-receipt.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId } = await authenticateWebhook(request);
  await handleWebhookOnce({ webhookId, shop, topic }, (tx) => markUninstalled(tx, shop));
  return new Response(null, { status: 200 });
};
