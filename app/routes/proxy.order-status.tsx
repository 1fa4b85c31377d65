import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { lookUpOrderStatus } from "../models/orders/status.server";
import { answerOrderLookup, POST_ONLY } from "../models/orders/lookup-request.server";
import { authenticate } from "../shopify.server";

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

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.public.appProxy(request);
  return POST_ONLY();
};

export const action = async ({ request }: ActionFunctionArgs) => {
  if (request.method !== "POST") return POST_ONLY();
  const { session } = await authenticate.public.appProxy(request);
  return answerOrderLookup(request, {
    feature: "order-status",
    limits: ORDER_STATUS_LIMITS,
    tooManyMessage: "Too many look-ups. Please wait a few minutes and try again.",
    installed: Boolean(session),
    uninstalledAnswer: { result: "not_found", order: null },
    lookUp: lookUpOrderStatus,
  });
};
