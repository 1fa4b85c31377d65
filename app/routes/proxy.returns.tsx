import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { checkOrderReturns } from "../models/returns/check.server";
import { answerOrderLookup, POST_ONLY } from "../models/orders/lookup-request.server";
import { authenticate } from "../shopify.server";

/**
 * The shopper's order check, at /apps/aftercare/returns on the storefront (Shopify's app proxy signs
 * every request; a forged one gets 400 from `authenticate.public.appProxy`). POST an order number and
 * the order's email (form or JSON); a logged-in shopper may leave the email out. Answers JSON, always
 * 200 for a checked order whether it was found or not (see app/models/returns/check.server.ts).
 */

/** Per shop and IP, and per order number: enough for typos, far too few to guess orders. */
export const RETURN_CHECK_LIMITS = {
  perClient: { limit: 10, windowMs: 10 * 60_000 },
  perOrder: { limit: 5, windowMs: 10 * 60_000 },
} as const;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.public.appProxy(request);
  return POST_ONLY();
};

export const action = async ({ request }: ActionFunctionArgs) => {
  if (request.method !== "POST") return POST_ONLY();
  const { session } = await authenticate.public.appProxy(request);
  return answerOrderLookup(request, {
    feature: "returns",
    limits: RETURN_CHECK_LIMITS,
    tooManyMessage: "Too many checks. Please wait a few minutes and try again.",
    // An uninstalled shop keeps no session: nothing to check against.
    installed: Boolean(session),
    uninstalledAnswer: { result: "unavailable", order: null },
    lookUp: checkOrderReturns,
  });
};
