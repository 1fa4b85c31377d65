import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { clientIpOf, hitRateLimits } from "../models/rate-limit.server";
import { MIN_ANSWER_MS, orderNameCandidates, parseOrderCheckInput } from "../models/returns/check.server";
import { findShopperOrder, getReturnRequestOptions, submitReturnRequest, translatorIn } from "../models/returns/request.server";
import { askedLinesFrom, returnRequestFields, type ReturnRequestFields } from "../models/returns/request-input";
import { storefrontLanguage } from "../models/storefront/language";
import { readStorefrontBody } from "../models/storefront/body";
import { pageStrings } from "../models/storefront/page-strings";
import { isMultipart, readReturnRequestForm, type ReturnRequestForm } from "../models/returns/request-form.server";
import { photoRefusal } from "../models/reviews/page-errors";
import type { AdminGraphql } from "../shopify/admin-graphql";
import { authenticate } from "../shopify.server";

/**
 * The shopper's return request, at /apps/aftercare/return-request on the storefront (Shopify's app
 * proxy signs every request). POST JSON with the order number and the order's email (a logged-in
 * shopper may leave it out), as the order check takes them, and
 * - intent "options": what may be returned (Aftercare's rules and Shopify's returnable fulfillments)
 *   and Shopify's return reasons;
 * - intent "request": `items` [{ lineItemId, quantity, reasonDefinitionId }] and an optional `note`;
 *   sent to Shopify (`returnRequest`) only when the rules allow it, else 422 with every problem.
 *   With a photo, the form is multipart/form-data: the same fields as JSON in `json` and the file in
 *   `photo` (JPEG, PNG or WebP by its bytes, up to 5 MB, as review photos). A bad photo is a 4xx in
 *   the shopper's language and nothing is sent to Shopify; a good one is kept for the merchant.
 * An unknown order and someone else's order get the same answer, no sooner than MIN_ANSWER_MS.
 * Every message is in the shopper's storefront language.
 */

export const RETURN_REQUEST_LIMITS = {
  perClient: { limit: 20, windowMs: 10 * 60_000 },
  perOrder: { limit: 10, windowMs: 10 * 60_000 },
} as const;

const MAX_BODY_BYTES = 8 * 1024;
const noStore = { "Cache-Control": "no-store" };
const intentSchema = z.enum(["options", "request"]);

const answer = (body: unknown, status = 200, headers: Record<string, string> = {}) => json(body, { status, headers: { ...noStore, ...headers } });

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.public.appProxy(request);
  return answer({ errors: { form: "Send the return request with POST." } }, 405, { Allow: "POST" });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin } = await authenticate.public.appProxy(request);
  const started = Date.now();
  const url = new URL(request.url);
  const shop = url.searchParams.get("shop") ?? "";
  const loggedInCustomerId = url.searchParams.get("logged_in_customer_id") || null;
  const language = storefrontLanguage(request);
  const t = translatorIn(language);
  if (request.method !== "POST") return answer({ errors: { form: "Send the return request with POST." } }, 405, { Allow: "POST" });

  const read = await readRequestBody(request);
  if (!read.ok) {
    const message = read.photoRefused ? photoMessage(read, language) : read.message;
    return answer({ ...(read.photoRefused ? { message } : {}), errors: { form: message } }, read.status);
  }
  const body = read.fields;
  const photo = read.photo;
  const intent = intentSchema.safeParse(body.intent);
  const lookup = parseOrderCheckInput({ orderNumber: body.orderNumber, email: body.email }, { loggedIn: loggedInCustomerId !== null });
  if (!intent.success || !lookup.ok) return answer({ errors: lookup.ok ? { form: t("returns.request.invalid") } : lookup.errors }, 422);
  const fields = intent.data === "request" ? returnRequestFields.safeParse(body) : null;
  if (fields && !fields.success) return answer({ errors: { form: t("returns.request.invalid") } }, 422);

  const [orderName] = orderNameCandidates(lookup.input.orderNumber);
  const limit = await hitRateLimits([
    { key: `return-request:client:${shop}:${clientIpOf(request) ?? "unknown"}`, ...RETURN_REQUEST_LIMITS.perClient },
    { key: `return-request:order:${shop}:${orderName.toLowerCase()}`, ...RETURN_REQUEST_LIMITS.perOrder },
  ]);
  if (!limit.allowed) return answer({ errors: { form: t("returns.request.tooMany") } }, 429, { "Retry-After": String(limit.retryAfterSeconds) });
  if (!session || !admin) return answer({ result: "unavailable", message: t("returns.request.unavailable") });

  const shopper = { loggedInCustomerId, email: lookup.input.email };
  const response = await answerFor(shop, admin.graphql, intent.data, fields?.data ?? null);
  // Someone else's order and no order at all look the same, and take as long.
  const wait = MIN_ANSWER_MS - (Date.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return response;

  async function answerFor(shop: string, graphql: AdminGraphql, intent: "options" | "request", fields: ReturnRequestFields | null) {
    const found = await findShopperOrder(shop, { orderNumber: orderName }, shopper);
    if (!found) return answer({ result: "not_found", message: t("returns.request.notFound") });
    if (intent === "options") return answer({ result: "options", ...(await getReturnRequestOptions(graphql, found, language)) });
    const outcome = await submitReturnRequest(graphql, shop, found, askedLinesFrom(fields!), { source: "storefront", language, photo });
    if (!outcome.ok) return answer({ result: "refused", problems: outcome.problems }, outcome.status);
    return answer({ result: "requested", message: t("returns.request.received", { name: outcome.copy.name ?? "" }), return: { name: outcome.copy.name, status: outcome.copy.status } });
  }
};

/** The JSON or urlencoded fields, or a multipart form with the fields in `json` and an optional photo. */
async function readRequestBody(request: Request): Promise<ReturnRequestForm> {
  if (isMultipart(request)) return readReturnRequestForm(request);
  const read = await readStorefrontBody(request, MAX_BODY_BYTES);
  return read.ok ? { ok: true, fields: read.fields, photo: null } : { ...read, photoRefused: false };
}

/** A refused photo in the shopper's words, limits named. */
function photoMessage(refusal: { status: number; message: string }, language: ReturnType<typeof storefrontLanguage>): string {
  const words = pageStrings(language);
  return refusal.status === 413 ? words.photoTooLarge : photoRefusal(refusal, words);
}
