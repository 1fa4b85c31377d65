import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { recordShopifyReturn } from "../models/returns/returns.server";
import { getReturn } from "../models/returns/shopify-returns.server";
import { authenticateWebhook, handleWebhookDelivery } from "../shopify/webhooks.server";

/**
 * returns/process: units of a return were received and maybe refunded, in Shopify's admin or through
 * the app. The payload only names the return: Aftercare reads it again with the webhook's admin client
 * (processed units, refunds and their time) and records its copy from that, once per delivery.
 * Without an offline session (the app was uninstalled) there is nothing to read: answered 200.
 */
const processedReturn = z
  .object({ admin_graphql_api_id: z.string().regex(/^gid:\/\/shopify\/Return\/\d+$/).nullish(), id: z.union([z.number(), z.string().regex(/^\d+$/)]).nullish() })
  .passthrough();

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload, admin } = await authenticateWebhook(request);
  const parsed = processedReturn.safeParse(payload);
  const returnId = parsed.success ? (parsed.data.admin_graphql_api_id ?? (parsed.data.id != null ? `gid://shopify/Return/${parsed.data.id}` : null)) : null;
  if (!returnId) return new Response("Payload names no return", { status: 422 });
  if (!admin) return new Response(null, { status: 200 });
  const entry = await getReturn(admin.graphql, returnId);
  if (!entry) return new Response(null, { status: 200 });
  await handleWebhookDelivery({ webhookId, shop, topic }, async (tx) => {
    await recordShopifyReturn(shop, entry, {}, tx);
  });
  return new Response(null, { status: 200 });
};
