import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { checkOrderReturns, orderNameCandidates, parseOrderCheckInput } from "../models/return-check.server";
import { clientIpOf, hitRateLimits, type RateLimitRule } from "../models/rate-limit.server";
import { readStorefrontBody } from "../models/storefront-body";
import { authenticate } from "../shopify.server";

/**
 * The shopper's order check, at /apps/aftercare/returns on the storefront (Shopify's app proxy signs
 * every request; a forged one gets 400 from `authenticate.public.appProxy`). POST an order number and
 * the order's email (form or JSON); a logged-in shopper may leave the email out. Answers JSON, always
 * 200 for a checked order whether it was found or not (see app/models/return-check.server.ts).
 */

/** Per shop and IP, and per order number: enough for typos, far too few to guess orders. */
export const RETURN_CHECK_LIMITS = {
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
    { key: `returns:client:${shop}:${clientIpOf(request) ?? "unknown"}`, ...RETURN_CHECK_LIMITS.perClient },
    { key: `returns:order:${shop}:${orderName.toLowerCase()}`, ...RETURN_CHECK_LIMITS.perOrder },
  ];
  const limit = await hitRateLimits(rules);
  if (!limit.allowed) {
    return problem(429, { form: "Too many checks. Please wait a few minutes and try again." }, {
      "Retry-After": String(limit.retryAfterSeconds),
    });
  }

  // An uninstalled shop keeps no session: nothing to check against.
  if (!session) return json({ result: "unavailable", order: null }, { headers: noStore });
  const answer = await checkOrderReturns(shop, parsed.input, { loggedInCustomerId });
  return json(answer, { headers: noStore });
};
