import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { lookUpOrderStatus } from "../models/order-status.server";
import { clientIpOf, hitRateLimits, type RateLimitRule } from "../models/rate-limit.server";
import { orderNameCandidates, parseOrderCheckInput } from "../models/return-check.server";
import { readStorefrontBody } from "../models/storefront-body";
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

const MAX_BODY_BYTES = 2048;
const noStore = { "Cache-Control": "no-store" };

function problem(status: number, errors: Record<string, string>, headers: Record<string, string> = {}) {
  return json({ errors }, { status, headers: { ...noStore, ...headers } });
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.public.appProxy(request);
  return problem(405, { form: "Send the order number and email with POST." }, { Allow: "POST" });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  if (request.method !== "POST") return problem(405, { form: "Send the order number and email with POST." }, { Allow: "POST" });
  const { session } = await authenticate.public.appProxy(request);
  const url = new URL(request.url);
  const shop = url.searchParams.get("shop") ?? "";
  const loggedInCustomerId = url.searchParams.get("logged_in_customer_id") || null;

  const read = await readStorefrontBody(request, MAX_BODY_BYTES);
  if (!read.ok) return problem(read.status, { form: read.message });
  const body = read.fields;
  const parsed = parseOrderCheckInput(
    { orderNumber: body.orderNumber ?? body.order_number, email: body.email },
    { loggedIn: loggedInCustomerId !== null },
  );
  if (!parsed.ok) return problem(422, parsed.errors);

  const [orderName] = orderNameCandidates(parsed.input.orderNumber);
  const rules: RateLimitRule[] = [
    { key: `order-status:client:${shop}:${clientIpOf(request) ?? "unknown"}`, ...ORDER_STATUS_LIMITS.perClient },
    { key: `order-status:order:${shop}:${orderName.toLowerCase()}`, ...ORDER_STATUS_LIMITS.perOrder },
  ];
  const limit = await hitRateLimits(rules);
  if (!limit.allowed) {
    return problem(429, { form: "Too many look-ups. Please wait a few minutes and try again." }, { "Retry-After": String(limit.retryAfterSeconds) });
  }
  if (!session) return json({ result: "not_found", order: null }, { headers: noStore });
  return json(await lookUpOrderStatus(shop, parsed.input, { loggedInCustomerId }), { headers: noStore });
};
