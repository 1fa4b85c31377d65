import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticateWebhook, handleWebhookDelivery } from "../shopify/webhooks.server";
import { customerPrivacyPayload, recordDataRequest } from "../models/shop/privacy.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request);
  const parsed = customerPrivacyPayload.safeParse(payload);
  if (!parsed.success) return new Response("Payload does not name a customer", { status: 422 });
  await handleWebhookDelivery({ webhookId, shop, topic }, (tx) => recordDataRequest(tx, shop, parsed.data));
  return new Response(null, { status: 200 });
};
