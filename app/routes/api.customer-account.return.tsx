import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { supportedEmailLanguage } from "../email/language";
import { errorAnswer, jsonAnswer, type CustomerAccountErrorCode } from "../models/orders/customer-account-answers";
import { readCustomerAccountJson } from "../models/orders/customer-account-body";
import { answerCustomerAccount } from "../models/orders/customer-account-request.server";
import { findShopperOrder, getReturnRequestOptions, submitReturnRequest, translatorIn } from "../models/returns/request.server";
import { askedLinesFrom, returnRequestFields } from "../models/returns/request-input";
import { isMultipart, readReturnRequestForm, type ReturnPhotoForStore } from "../models/returns/request-form.server";

/**
 * The customer account's "Request a return" (extensions/aftercare-return-request), with the
 * customer's session token: who is asking comes from its `sub` only, never from the body.
 * - GET ?orderId=&locale= → { orderName, items: [{ lineItemId, title, maxQuantity, refusal }], reasons }
 *   for the customer's own order (Aftercare's rules and Shopify's returnable fulfillments);
 * - POST JSON { orderId, items: [{ lineItemId, quantity, reasonDefinitionId }], note?, locale? } →
 *   { requested: true, message, return: { name, status } } once Shopify has the request. With a photo,
 *   multipart/form-data: those fields as JSON in `json`, the file in `photo` (JPEG, PNG or WebP by its
 *   bytes, up to 5 MB): a bad one is 415 photo_refused (413 too_large past the limit), nothing sent.
 * Errors are { error, message }: 404 order_not_found for an order that is not the customer's (or
 * unknown), 422 return_refused with `problems` in the shopper's language (nothing sent to Shopify),
 * 503 returns_unavailable, and the shared 400/401/413/415/429.
 */

export const CUSTOMER_RETURN_LIMITS = {
  customer: { limit: 30, windowMs: 10 * 60_000 },
  client: { limit: 60, windowMs: 10 * 60_000 },
} as const;
const MAX_BODY_BYTES = 8 * 1024;
const ORDER_ID = z.string().regex(/^gid:\/\/shopify\/Order\/\d{1,20}$/);
const languageOf = (value: unknown) => supportedEmailLanguage(typeof value === "string" ? value : null) ?? "en";
const door = { feature: "customer-return", limits: CUSTOMER_RETURN_LIMITS };

export const loader = async ({ request }: LoaderFunctionArgs) =>
  answerCustomerAccount(request, door, async ({ shop, customerId, adminGraphql }) => {
    const url = new URL(request.url);
    const orderId = ORDER_ID.safeParse(url.searchParams.get("orderId"));
    if (!orderId.success) return errorAnswer("invalid_request");
    const found = await findShopperOrder(shop, { orderId: orderId.data }, { loggedInCustomerId: customerId });
    if (!found) return errorAnswer("order_not_found");
    const graphql = await adminGraphql();
    if (!graphql) return errorAnswer("returns_unavailable");
    return jsonAnswer(await getReturnRequestOptions(graphql, found, languageOf(url.searchParams.get("locale"))));
  });

export const action = async ({ request }: ActionFunctionArgs) =>
  answerCustomerAccount(request, door, async ({ shop, customerId, adminGraphql }) => {
    if (request.method !== "POST") return errorAnswer("method_not_allowed", { headers: { Allow: "GET, POST, OPTIONS" } });
    const body = await readRequestBody(request);
    if (!body.ok) return errorAnswer(body.error);
    const orderId = ORDER_ID.safeParse(body.value.orderId);
    const fields = returnRequestFields.safeParse(body.value);
    if (!orderId.success || !fields.success) return errorAnswer("invalid_request");
    const language = languageOf(body.value.locale);

    const found = await findShopperOrder(shop, { orderId: orderId.data }, { loggedInCustomerId: customerId });
    if (!found) return errorAnswer("order_not_found");
    const graphql = await adminGraphql();
    if (!graphql) return errorAnswer("returns_unavailable");
    const outcome = await submitReturnRequest(graphql, shop, found, askedLinesFrom(fields.data), { source: "customer_account", language, photo: body.photo });
    if (!outcome.ok) return jsonAnswer({ error: "return_refused", message: outcome.problems.map((problem) => problem.message).join(" "), problems: outcome.problems }, 422);
    const t = translatorIn(language);
    return jsonAnswer({ requested: true, message: t("returns.request.received", { name: outcome.copy.name ?? "" }), return: { name: outcome.copy.name, status: outcome.copy.status } });
  });

type RequestBody = { ok: true; value: Record<string, unknown>; photo: ReturnPhotoForStore | null } | { ok: false; error: CustomerAccountErrorCode };

/** JSON, or a multipart form with the same fields in `json` and an optional photo. */
async function readRequestBody(request: Request): Promise<RequestBody> {
  if (!isMultipart(request)) {
    const body = await readCustomerAccountJson(request, MAX_BODY_BYTES);
    return body.ok ? { ...body, photo: null } : body;
  }
  const form = await readReturnRequestForm(request);
  if (form.ok) return { ok: true, value: form.fields, photo: form.photo };
  if (form.status === 413) return { ok: false, error: "too_large" };
  return { ok: false, error: form.photoRefused ? "photo_refused" : "invalid_request" };
}
