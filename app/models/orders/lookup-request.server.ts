import { json } from "@remix-run/node";
import { clientIpOf, hitRateLimits } from "../rate-limit.server";
import { orderNameCandidates, parseOrderCheckInput, type OrderCheckInput } from "../returns/check.server";
import { readStorefrontBody } from "../storefront/body";

/**
 * The shared path of the shopper's order look-ups through the app proxy (return check, order status):
 * POST only, a small form or JSON body, order number plus the order's email (a logged-in shopper may
 * leave the email out), rate limits per shop + IP and per order number, then the feature's own answer.
 * The caller has already verified the proxy signature (`authenticate.public.appProxy`).
 */
export interface OrderLookupOptions {
  /** Rate-limit key prefix, e.g. "returns". */
  feature: string;
  limits: {
    perClient: { limit: number; windowMs: number };
    perOrder: { limit: number; windowMs: number };
  };
  tooManyMessage: string;
  /** Whether the shop is installed (an offline session exists). */
  installed: boolean;
  /** The answer for a shop that is not installed: as neutral as not finding the order. */
  uninstalledAnswer: unknown;
  lookUp(shop: string, input: OrderCheckInput, context: { loggedInCustomerId: string | null }): Promise<unknown>;
}

const MAX_BODY_BYTES = 2048;
const noStore = { "Cache-Control": "no-store" };

export function lookupProblem(status: number, errors: Record<string, string>, headers: Record<string, string> = {}) {
  return json({ errors }, { status, headers: { ...noStore, ...headers } });
}

export const POST_ONLY = () => lookupProblem(405, { form: "Send the order number and email with POST." }, { Allow: "POST" });

export async function answerOrderLookup(request: Request, options: OrderLookupOptions): Promise<Response> {
  const url = new URL(request.url);
  const shop = url.searchParams.get("shop") ?? "";
  const loggedInCustomerId = url.searchParams.get("logged_in_customer_id") || null;

  const read = await readStorefrontBody(request, MAX_BODY_BYTES);
  if (!read.ok) return lookupProblem(read.status, { form: read.message });
  const body = read.fields;
  const parsed = parseOrderCheckInput(
    { orderNumber: body.orderNumber ?? body.order_number, email: body.email },
    { loggedIn: loggedInCustomerId !== null },
  );
  if (!parsed.ok) return lookupProblem(422, parsed.errors);

  const [orderName] = orderNameCandidates(parsed.input.orderNumber);
  const limit = await hitRateLimits([
    { key: `${options.feature}:client:${shop}:${clientIpOf(request) ?? "unknown"}`, ...options.limits.perClient },
    { key: `${options.feature}:order:${shop}:${orderName.toLowerCase()}`, ...options.limits.perOrder },
  ]);
  if (!limit.allowed) {
    return lookupProblem(429, { form: options.tooManyMessage }, { "Retry-After": String(limit.retryAfterSeconds) });
  }

  if (!options.installed) return json(options.uninstalledAnswer, { headers: noStore });
  return json(await options.lookUp(shop, parsed.input, { loggedInCustomerId }), { headers: noStore });
}
