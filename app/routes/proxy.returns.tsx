import { checkOrderReturns } from "../models/returns/check.server";
import { orderLookupRoute } from "../shopify/order-lookup-route.server";

/**
 * The shopper's order check, at /apps/aftercare/returns on the storefront (Shopify's app proxy signs
 * every request). POST an order number and the order's email (form or JSON); a logged-in shopper may
 * leave the email out. Answers JSON, always 200 for a checked order whether it was found or not (see
 * app/models/returns/check.server.ts); an uninstalled shop keeps no session, so nothing to check against.
 */

/** Per shop and IP, and per order number: enough for typos, far too few to guess orders. */
export const RETURN_CHECK_LIMITS = {
  perClient: { limit: 10, windowMs: 10 * 60_000 },
  perOrder: { limit: 5, windowMs: 10 * 60_000 },
} as const;

const route = orderLookupRoute({
  feature: "returns",
  limits: RETURN_CHECK_LIMITS,
  tooManyMessage: "Too many checks. Please wait a few minutes and try again.",
  uninstalledAnswer: { result: "unavailable", order: null },
  lookUp: checkOrderReturns,
});

export const loader = route.loader;
export const action = route.action;
