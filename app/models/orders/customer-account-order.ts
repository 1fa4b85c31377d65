/**
 * The order-status extension's view of one order: where it is (the same OrderStatusView the storefront's
 * order-status block shows), the lines the customer can review once it is delivered, and the shop's
 * contact channels. Pure: no I/O.
 */
import type { OrderReturnStatus } from "../returns/order-status";
import { z } from "zod";
import type { ContactChannel } from "../contact/options";
import type { OrderStatusView } from "./status";

export const ORDER_GID = /^gid:\/\/shopify\/Order\/[1-9]\d{0,19}$/;
export const LINE_ITEM_GID = /^gid:\/\/shopify\/LineItem\/[1-9]\d{0,19}$/;

/** GET ?orderId=gid://shopify/Order/… (the extension's `shopify.order.value.id` or `shopify.orderId`). */
export const orderQuerySchema = z.object({ orderId: z.string().trim().regex(ORDER_GID) }).strict();

export interface ReviewableLine {
  lineItemId: string;
  productTitle: string;
  reviewed: boolean;
}

export interface CustomerOrderAnswer {
  order: OrderStatusView;
  /** Empty until every parcel is delivered: a review is asked for only what arrived. */
  lines: ReviewableLine[];
  contact: ContactChannel[];
  /** The order's returns and where each stands (app/models/returns/order-status.ts). */
  returns: OrderReturnStatus[];
}

/** Lines are reviewable once the order is delivered and not cancelled. */
export function reviewableLines(order: OrderStatusView, lines: readonly ReviewableLine[]): ReviewableLine[] {
  return order.current === "delivered" && !order.cancelled ? [...lines] : [];
}

export function customerOrderAnswer(
  order: OrderStatusView,
  lines: readonly ReviewableLine[],
  contact: readonly ContactChannel[],
  returns: readonly OrderReturnStatus[] = [],
): CustomerOrderAnswer {
  return { order, lines: reviewableLines(order, lines), contact: [...contact], returns: [...returns] };
}
