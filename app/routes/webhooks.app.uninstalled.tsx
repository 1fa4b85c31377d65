import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "../shopify.server";
import { markUninstalled } from "../models/privacy.server";
import { handleWebhookOnce } from "../models/webhook-receipt.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId } = await authenticate.webhook(request);
  await handleWebhookOnce({ webhookId, shop, topic }, (tx) => markUninstalled(tx, shop));
  return new Response(null, { status: 200 });
};
