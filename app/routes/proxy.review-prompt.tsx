import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { clientIpOf, hitRateLimits } from "../models/rate-limit.server";
import { fieldErrors, helpRequestSchema, reviewSubmissionSchema } from "../models/reviews/review";
import { lineItemGidOf, numericIdOf, orderGidOf } from "../models/reviews/list";
import { customerGid, findCustomerReviewLine, listCustomerReviewLines } from "../models/reviews/prompt.server";
import { openHelpRequest } from "../models/reviews/review.server";
import { publishBuyerReview, recordBuyerReview } from "../models/reviews/submission.server";
import { readStorefrontBody } from "../models/storefront/body";
import { authenticate } from "../shopify.server";

/**
 * The review prompt block's endpoint at /apps/aftercare/review-prompt, for the logged-in customer Shopify
 * names in the signed proxy query (`logged_in_customer_id`); without one every request is a 401.
 *
 * - GET → { lines: [{ orderId, lineItemId, productId, orderName, productTitle, reviewed }] }: the
 *   customer's sent order lines (numeric ids, as Liquid shows them) and whether each is reviewed.
 * - POST intent=review, order_id, line_item_id, rating, title, body → { recorded: true, verified: true }:
 *   stored published (the line is the customer's own synced order: a verified buyer) and the product's
 *   rating metafields republished.
 * - POST intent=help, order_id, line_item_id, message? → { helpRequested: true }: "Did everything arrive
 *   as expected?" answered no; the merchant sees the request in the admin. The review stays open.
 * Errors: { errors: { <field>: message } } with 401, 404, 413/415/400, 422 or 429.
 */

/** Per shopper IP (shared with the email review form) and per customer. */
export const REVIEW_PROMPT_LIMITS = {
  client: { limit: 20, windowMs: 10 * 60_000 },
  customer: { limit: 20, windowMs: 10 * 60_000 },
} as const;
const MAX_BODY_BYTES = 16 * 1024;
const noStore = { "Cache-Control": "no-store" };

const reviewFields = reviewSubmissionSchema.omit({ token: true });
const helpFields = helpRequestSchema.omit({ token: true });

const text = (value: unknown) => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
const refuse = (status: number, errors: Record<string, string>, headers: Record<string, string> = {}) =>
  json({ errors }, { status, headers: { ...noStore, ...headers } });

function proxyContext(request: Request) {
  const url = new URL(request.url);
  const loggedIn = url.searchParams.get("logged_in_customer_id") ?? "";
  return { shop: url.searchParams.get("shop") ?? "", customerId: /^\d{1,20}$/.test(loggedIn) ? customerGid(loggedIn) : null };
}

const NOT_LOGGED_IN = { form: "Log in to review what you bought." };

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.public.appProxy(request);
  const { shop, customerId } = proxyContext(request);
  if (!customerId) return refuse(401, NOT_LOGGED_IN);
  const lines = await listCustomerReviewLines(shop, customerId);
  return json(
    {
      lines: lines.map((line) => ({
        orderId: numericIdOf(line.orderId),
        lineItemId: numericIdOf(line.lineItemId),
        productId: numericIdOf(line.productId),
        orderName: line.orderName,
        productTitle: line.productTitle,
        reviewed: line.reviewed,
      })),
    },
    { headers: noStore },
  );
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin } = await authenticate.public.appProxy(request);
  const { shop, customerId } = proxyContext(request);
  if (!customerId) return refuse(401, NOT_LOGGED_IN);
  const now = new Date();

  const limit = await hitRateLimits(
    [
      { key: `review:client:${shop}:${clientIpOf(request) ?? "unknown"}`, ...REVIEW_PROMPT_LIMITS.client },
      { key: `review:customer:${shop}:${customerId}`, ...REVIEW_PROMPT_LIMITS.customer },
    ],
    now,
  );
  if (!limit.allowed) {
    return refuse(429, { form: "Too many reviews. Please wait a few minutes." }, { "Retry-After": String(limit.retryAfterSeconds) });
  }

  const read = await readStorefrontBody(request, MAX_BODY_BYTES);
  if (!read.ok) return refuse(read.status, { form: read.message });
  const form = read.fields;

  const orderId = orderGidOf(form.order_id);
  const lineItemId = lineItemGidOf(form.line_item_id);
  const line = orderId && lineItemId ? await findCustomerReviewLine(shop, customerId, orderId, lineItemId) : null;
  if (!line) return refuse(404, { form: "We could not find this item in your orders." });

  if (form.intent === "help") {
    const parsed = helpFields.safeParse({ message: text(form.message) || undefined });
    if (!parsed.success) return refuse(422, fieldErrors(parsed.error));
    await openHelpRequest(shop, { orderId: line.orderId, lineItemId: line.lineItemId, message: parsed.data.message }, now);
    return json({ helpRequested: true }, { headers: noStore });
  }
  if (form.intent !== "review") return refuse(400, { form: "Send intent=review or intent=help." });

  const parsed = reviewFields.safeParse({ rating: text(form.rating), title: text(form.title), body: text(form.body) });
  if (!parsed.success) return refuse(422, fieldErrors(parsed.error));

  // Shopify vouches for the logged-in customer, and the line is in their own synced order.
  const review = await recordBuyerReview(shop, line, parsed.data, "storefront", now);
  await publishBuyerReview(shop, admin?.graphql, { id: review.id, productId: line.productId });
  return json({ recorded: true, verified: true }, { headers: noStore });
};
