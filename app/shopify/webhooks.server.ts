import type { Prisma } from "@prisma/client";
import { handleWebhookOnce, type WebhookDelivery, type WebhookOutcome } from "./webhook-receipt.server";
import { authenticate } from "../shopify.server";
import { parseWebhookBody } from "./webhook-body";
import { handleWebhookInBatch, type WebhookBatchKind } from "./webhook-batches.server";

const textPlain = { "Content-Type": "text/plain" };

/**
 * `authenticate.webhook` for every webhook route: HMAC and shop checked by the library, then the body
 * parsed as JSON from its raw text, so 18-digit ids keep their digits (see parseWebhookBody). A
 * correctly signed body that is not JSON gets a 400 that says so, not a 500.
 */
export async function authenticateWebhook(request: Request) {
  const copy = request.clone();
  try {
    const context = await authenticate.webhook(request);
    return { ...context, payload: parseWebhookBody(await copy.text()) };
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new Response("The webhook body is not valid JSON", { status: 400, headers: textPlain });
    }
    throw error;
  }
}

/** Runs a delivery's handling; a failure is logged and answered 503, so Shopify delivers it again. */
async function acknowledgedOrRetried(delivery: WebhookDelivery, handle: () => Promise<WebhookOutcome>): Promise<WebhookOutcome> {
  try {
    return await handle();
  } catch (error) {
    console.error(`[webhooks] ${delivery.topic} ${delivery.webhookId} for ${delivery.shop} failed and was not acknowledged:`, error);
    throw new Response("The webhook could not be processed; please deliver it again", { status: 503, headers: textPlain });
  }
}

/**
 * `handleWebhookOnce` for a route. Work that fails is rolled back with its receipt, logged, and answered
 * 503, so Shopify delivers the webhook again; the answer names no internals.
 */
export function handleWebhookDelivery(delivery: WebhookDelivery, work: (tx: Prisma.TransactionClient) => Promise<void>): Promise<WebhookOutcome> {
  return acknowledgedOrRetried(delivery, () => handleWebhookOnce(delivery, work));
}

/**
 * `handleWebhookDelivery` for the busiest topics: the delivery's item joins the batch of its kind and
 * shop (app/shopify/webhook-batches.server.ts), answered once its batch (or, after a failed batch, its
 * own transaction) is committed; a failure is answered 503 like any other.
 */
export function handleBatchedWebhookDelivery<T>(delivery: WebhookDelivery, kind: WebhookBatchKind<T>, item: T): Promise<WebhookOutcome> {
  return acknowledgedOrRetried(delivery, () => handleWebhookInBatch(delivery, kind, item));
}
