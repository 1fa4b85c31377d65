import { lookUpOrderStatus } from "../models/orders/status.server";
import { orderLookupRoute } from "../shopify/order-lookup-route.server";

/**
 * Order status at /apps/aftercare/order-status (the storefront's order-status block posts here; the
 * app proxy signs every request). POST the order number and the order's email, form or JSON; a
 * logged-in shopper may leave the email out. Answers JSON: `found` with the timeline, or `not_found`,
 * the same for an unknown order and a wrong email.
 */

export const ORDER_STATUS_LIMITS = {
  perClient: { limit: 10, windowMs: 10 * 60_000 },
  perOrder: { limit: 5, windowMs: 10 * 60_000 },
} as const;

const route = orderLookupRoute({
  feature: "order-status",
  limits: ORDER_STATUS_LIMITS,
  tooManyMessage: "Too many look-ups. Please wait a few minutes and try again.",
  uninstalledAnswer: { result: "not_found", order: null },
  lookUp: lookUpOrderStatus,
});

export const loader = route.loader;
export const action = route.action;
