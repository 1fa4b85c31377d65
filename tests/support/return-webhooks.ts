/**
 * What the returns tests share: the returns/* webhook routes the lifecycle goes through, a recorded
 * webhook of the fake Admin API delivered to its route signed as Shopify signs it, and a mutation's
 * result unwrapped (a refusal fails the test with Shopify's messages).
 */
import type { ReturnMutationResult, ShopifyReturn } from "../../app/models/returns/shopify-returns.server";
import { webhookRequest } from "./app-requests";
import type { RecordedReturnWebhook } from "./fake-admin";

export const RETURN_WEBHOOK_ROUTES = {
  "returns/request": () => import("../../app/routes/webhooks.returns.request"),
  "returns/approve": () => import("../../app/routes/webhooks.returns.approve"),
  "returns/decline": () => import("../../app/routes/webhooks.returns.decline"),
  "returns/update": () => import("../../app/routes/webhooks.returns.update"),
  "returns/close": () => import("../../app/routes/webhooks.returns.close"),
  "returns/process": () => import("../../app/routes/webhooks.returns.process"),
  "returns/cancel": () => import("../../app/routes/webhooks.returns.cancel"),
  "returns/reopen": () => import("../../app/routes/webhooks.returns.reopen"),
  "reverse_deliveries/attach_deliverable": () => import("../../app/routes/webhooks.reverse_deliveries.attach_deliverable"),
} as const;

export const hasReturnWebhookRoute = (topic: string): topic is keyof typeof RETURN_WEBHOOK_ROUTES => topic in RETURN_WEBHOOK_ROUTES;

/** Delivers one recorded webhook through its route; answers the HTTP status (a thrown Response's too). */
export async function deliverReturnWebhook(webhook: RecordedReturnWebhook, webhookId = webhook.webhookId): Promise<number> {
  if (!hasReturnWebhookRoute(webhook.topic)) throw new Error(`No route for ${webhook.topic}`);
  const { action } = await RETURN_WEBHOOK_ROUTES[webhook.topic]();
  try {
    return (await action({ request: webhookRequest(webhook.topic, webhook.payload, { webhookId }), params: {}, context: {} })).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

export function returned(result: ReturnMutationResult<{ return: ShopifyReturn }>): ShopifyReturn {
  if (!result.ok) throw new Error(`Shopify refused: ${result.errors.map((error) => error.message).join("; ")}`);
  return result.return;
}
