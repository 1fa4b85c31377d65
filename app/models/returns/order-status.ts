/**
 * An order's returns as the order status surfaces show them to the shopper (the storefront's order
 * status block through the app proxy, the customer account's order status block): a state per return
 * and what the shopper needs for it (label and tracking links, why it was declined, what was refunded).
 * Words are the surface's own (Liquid locales, extension locales). Pure: no I/O.
 */
import { zonedDateTime } from "../shop/time";

export type OrderReturnState = "requested" | "approved" | "declined" | "refunded" | "closed" | "canceled";

export interface OrderReturnStatus {
  name: string | null;
  state: OrderReturnState;
  /** Shop-local YYYY-MM-DD. */
  requestedOn: string;
  labelUrl: string | null;
  trackingUrl: string | null;
  /** FINAL_SALE | RETURN_PERIOD_ENDED | OTHER, and the shop's note to the shopper. */
  declineReason: string | null;
  declineNote: string | null;
  refund: { amount: string; currency: string } | null;
}

export interface ReturnCopyFacts {
  name: string | null;
  status: string;
  requestedAt: Date;
  labelUrl: string | null;
  trackingUrl: string | null;
  declineReason: string | null;
  declineNote: string | null;
  refundAmount: string | null;
  refundCurrency: string | null;
  refundedAt: Date | null;
}

const isWebLink = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

export function orderReturnState(copy: Pick<ReturnCopyFacts, "status" | "refundedAt">): OrderReturnState {
  if (copy.status === "open") return copy.refundedAt ? "refunded" : "approved";
  if (copy.status === "requested" || copy.status === "declined" || copy.status === "closed" || copy.status === "canceled") return copy.status;
  return "requested";
}

export function orderReturnStatuses(copies: readonly ReturnCopyFacts[], timeZone: string): OrderReturnStatus[] {
  return copies.map((copy) => {
    const state = orderReturnState(copy);
    const live = state === "approved" || state === "refunded";
    return {
      name: copy.name,
      state,
      requestedOn: zonedDateTime(copy.requestedAt, timeZone).date,
      labelUrl: live ? isWebLink(copy.labelUrl) : null,
      trackingUrl: live ? isWebLink(copy.trackingUrl) : null,
      declineReason: state === "declined" ? (copy.declineReason ?? "OTHER") : null,
      declineNote: state === "declined" ? copy.declineNote : null,
      refund: copy.refundAmount && copy.refundCurrency ? { amount: copy.refundAmount, currency: copy.refundCurrency } : null,
    };
  });
}
