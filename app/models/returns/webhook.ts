/**
 * Shopify's returns/* webhook payloads (returns/request, /approve, /decline, /update, /close; the
 * REST shape, the parts Aftercare reads) turned into a change of Aftercare's return copy. Ids are read
 * from `admin_graphql_api_id` where the payload has it, else built from the numeric id.
 */
import { z } from "zod";

const numericId = z.union([z.number(), z.string()]).transform(String);
const gidOf = (type: string, gid: string | null | undefined, id: string | null | undefined) =>
  gid ?? (id ? `gid://shopify/${type}/${id}` : null);

const lineItem = z.object({ id: numericId.nullish(), admin_graphql_api_id: z.string().nullish() }).passthrough();

export const returnWebhookPayload = z
  .object({
    id: numericId,
    admin_graphql_api_id: z.string().nullish(),
    status: z.string().transform((value) => value.toLowerCase()),
    name: z.string().nullish(),
    order: z.object({ id: numericId.nullish(), admin_graphql_api_id: z.string().nullish() }).passthrough(),
    return_line_items: z
      .array(
        z
          .object({
            id: numericId.nullish(),
            admin_graphql_api_id: z.string().nullish(),
            quantity: z.number().int().nonnegative(),
            return_reason: z.string().nullish(),
            customer_note: z.string().nullish(),
            fulfillment_line_item: z
              .object({ id: numericId.nullish(), admin_graphql_api_id: z.string().nullish(), line_item: lineItem.nullish() })
              .passthrough(),
          })
          .passthrough(),
      )
      .default([]),
    decline: z.object({ reason: z.string().nullish(), note: z.string().nullish() }).passthrough().nullish(),
  })
  .passthrough();

export type ReturnWebhookPayload = z.output<typeof returnWebhookPayload>;

export const RETURN_STATUSES = ["requested", "open", "declined", "closed", "canceled"] as const;
export type ReturnCopyStatus = (typeof RETURN_STATUSES)[number];

/** What a returns/* webhook says about one return. */
export interface ReturnWebhookChange {
  shopifyReturnId: string;
  orderId: string;
  name: string | null;
  status: ReturnCopyStatus;
  declineReason: string | null;
  declineNote: string | null;
  lines: Array<{
    shopifyLineId: string | null;
    fulfillmentLineItemId: string;
    lineItemId: string | null;
    quantity: number;
    reason: string | null;
    customerNote: string | null;
  }>;
}

export function returnChangeFromPayload(payload: ReturnWebhookPayload): ReturnWebhookChange | null {
  const status = RETURN_STATUSES.find((candidate) => candidate === payload.status);
  const orderId = gidOf("Order", payload.order.admin_graphql_api_id, payload.order.id);
  if (!status || !orderId) return null;
  return {
    shopifyReturnId: gidOf("Return", payload.admin_graphql_api_id, payload.id)!,
    orderId,
    name: payload.name ?? null,
    status,
    declineReason: payload.decline?.reason ? payload.decline.reason.toUpperCase() : null,
    declineNote: payload.decline?.note ?? null,
    lines: payload.return_line_items.flatMap((line) => {
      const fulfillmentLineItemId = gidOf("FulfillmentLineItem", line.fulfillment_line_item.admin_graphql_api_id, line.fulfillment_line_item.id);
      if (!fulfillmentLineItemId) return [];
      const item = line.fulfillment_line_item.line_item;
      return [{
        shopifyLineId: gidOf("ReturnLineItem", line.admin_graphql_api_id, line.id),
        fulfillmentLineItemId,
        lineItemId: item ? gidOf("LineItem", item.admin_graphql_api_id, item.id) : null,
        quantity: line.quantity,
        reason: line.return_reason?.toLowerCase() ?? null,
        customerNote: line.customer_note ?? null,
      }];
    }),
  };
}

const RANK: Record<ReturnCopyStatus, number> = { requested: 0, open: 1, declined: 1, canceled: 1, closed: 2 };

/**
 * Whether a webhook's status may replace the stored one. Deliveries arrive out of order, so a status
 * never moves back (an approve after the close changes nothing), except that a closed return can be
 * reopened (returns/reopen, or returns/update saying open).
 */
export function statusMayMove(stored: ReturnCopyStatus, incoming: ReturnCopyStatus, topic: string): boolean {
  if (stored === incoming) return true;
  if (stored === "closed" && incoming === "open") return topic === "returns/reopen" || topic === "returns/update";
  return RANK[incoming] > RANK[stored] || (RANK[incoming] === RANK[stored] && stored !== "declined" && stored !== "canceled" && incoming !== "open");
}
