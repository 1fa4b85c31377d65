/**
 * The returns webhooks, two kinds of receiver:
 * - status webhooks (returns/approve, /decline, /update, /close; returns/request adds a Flow event):
 *   the payload carries the return's status and lines, applied to Aftercare's copy in the receipt's
 *   transaction (models/returns/returns.server.ts, out-of-order deliveries never move it back);
 * - "read it again" webhooks (returns/process, /cancel, /reopen and reverse_deliveries/attach_deliverable):
 *   the payload only names the return (or the reverse delivery and its return), so Aftercare reads the
 *   return again with the webhook's admin client (refunds, labels, tracking, its status) and records its
 *   copy from that, once per delivery. Without an offline session (the app was uninstalled) there is
 *   nothing to read: answered 200.
 * Either way the shopper's emails for the step are queued with the copy (each once, by outbox key).
 */
import { z } from "zod";
import { applyReturnWebhook, recordShopifyReturn } from "../models/returns/returns.server";
import { returnChangeFromPayload, returnWebhookPayload } from "../models/returns/webhook";
import { getReturn } from "../models/returns/shopify-returns.server";
import { authenticateWebhook, handleWebhookDelivery } from "./webhooks.server";

const RETURN_GID = /^gid:\/\/shopify\/Return\/\d+$/;
const numericId = z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]);
const returnRef = z.object({ admin_graphql_api_id: z.string().regex(RETURN_GID).nullish(), id: numericId.nullish() }).passthrough();
/** returns/process, /cancel, /reopen name the return itself; a reverse delivery names it under `return`. */
const namesReturn = z.object({ admin_graphql_api_id: z.string().nullish(), id: numericId.nullish(), return: returnRef.nullish() }).passthrough();

/**
 * The Return's id a "read it again" payload names, or null: the payload's own id for returns/*, the
 * `return` it belongs to for a reverse delivery (whose own id is the delivery's). The GraphQL id is
 * preferred: an 18-digit numeric id may have lost digits in a JSON parser.
 */
export function returnIdNamedBy(topic: string, payload: unknown): string | null {
  const parsed = namesReturn.safeParse(payload);
  if (!parsed.success) return null;
  const gidOf = (ref: { admin_graphql_api_id?: string | null; id?: string | number | null }) =>
    ref.admin_graphql_api_id && RETURN_GID.test(ref.admin_graphql_api_id) ? ref.admin_graphql_api_id : ref.id != null ? `gid://shopify/Return/${ref.id}` : null;
  // The library names topics as the GraphQL enum (REVERSE_DELIVERIES_ATTACH_DELIVERABLE), the toml as a path.
  if (/^reverse_deliveries[/_]/i.test(topic)) return parsed.data.return ? gidOf(parsed.data.return) : null;
  const ownGid = parsed.data.admin_graphql_api_id;
  if (ownGid && !RETURN_GID.test(ownGid)) return null;
  return gidOf(parsed.data);
}

/** A status webhook; resolves with the receipt's delivery once applied. */
export async function receiveReturnStatusWebhook(request: Request) {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request);
  const parsed = returnWebhookPayload.safeParse(payload);
  const change = parsed.success ? returnChangeFromPayload(parsed.data) : null;
  if (!change) return { response: new Response("Payload is not a return", { status: 422 }), applied: null };
  const receivedAt = new Date();
  await handleWebhookDelivery({ webhookId, shop, topic }, (tx) => applyReturnWebhook(tx, shop, topic, change, receivedAt));
  return { response: new Response(null, { status: 200 }), applied: { shop, change, receivedAt } };
}

export const returnStatusWebhookAction = async ({ request }: { request: Request }) => (await receiveReturnStatusWebhook(request)).response;

/** A "read it again" webhook. */
export const returnReadAgainWebhookAction = async ({ request }: { request: Request }) => {
  const { shop, topic, webhookId, payload, admin } = await authenticateWebhook(request);
  const returnId = returnIdNamedBy(topic, payload);
  if (!returnId) return new Response("Payload names no return", { status: 422 });
  if (!admin) return new Response(null, { status: 200 });
  const entry = await getReturn(admin.graphql, returnId);
  if (!entry) return new Response(null, { status: 200 });
  await handleWebhookDelivery({ webhookId, shop, topic }, async (tx) => {
    await recordShopifyReturn(shop, entry, {}, tx);
  });
  return new Response(null, { status: 200 });
};
