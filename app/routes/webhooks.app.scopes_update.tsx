import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticateWebhook, handleWebhookDelivery } from "../shopify/webhooks.server";
import { z } from "zod";
import { forgetShopSessions } from "../shopify/cached-session-storage.server";

const payloadSchema = z.object({ current: z.array(z.string()) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request);
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return new Response("Payload has no list of current scopes", { status: 422 });
  const scope = parsed.data.current.join(",");

  await handleWebhookDelivery({ webhookId, shop, topic }, async (tx) => {
    await tx.session.updateMany({ where: { shop }, data: { scope } });
    forgetShopSessions(shop);
    await tx.shop.updateMany({ where: { domain: shop }, data: { scopes: scope } });
  });
  return new Response(null, { status: 200 });
};
