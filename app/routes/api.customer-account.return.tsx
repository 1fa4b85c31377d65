import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { supportedEmailLanguage } from "../email/language";
import { errorAnswer, jsonAnswer } from "../models/orders/customer-account-answers";
import { readCustomerAccountJson } from "../models/orders/customer-account-body";
import { answerCustomerAccount } from "../models/orders/customer-account-request.server";
import { findShopperOrder, getReturnRequestOptions, submitReturnRequest, translatorIn } from "../models/returns/request.server";
import { askedLinesFrom, returnRequestFields } from "../models/returns/request-input";

/**
 * The customer account's "Request a return" (extensions/aftercare-return-request), with the
 * customer's session token: who is asking comes from its `sub` only, never from the body.
 * - GET ?orderId=&locale= → { orderName, items: [{ lineItemId, title, maxQuantity, refusal }], reasons }
 *   for the customer's own order (Aftercare's rules and Shopify's returnable fulfillments);
 * - POST JSON { orderId, items: [{ lineItemId, quantity, reasonDefinitionId }], note?, locale? } →
 *   { requested: true, message, return: { name, status } } once Shopify has the request.
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
    const body = await readCustomerAccountJson(request, MAX_BODY_BYTES);
    if (!body.ok) return errorAnswer(body.error);
    const orderId = ORDER_ID.safeParse(body.value.orderId);
    const fields = returnRequestFields.safeParse(body.value);
    if (!orderId.success || !fields.success) return errorAnswer("invalid_request");
    const language = languageOf(body.value.locale);

    const found = await findShopperOrder(shop, { orderId: orderId.data }, { loggedInCustomerId: customerId });
    if (!found) return errorAnswer("order_not_found");
    const graphql = await adminGraphql();
    if (!graphql) return errorAnswer("returns_unavailable");
    const outcome = await submitReturnRequest(graphql, shop, found, askedLinesFrom(fields.data), { source: "customer_account", language });
    if (!outcome.ok) return jsonAnswer({ error: "return_refused", message: outcome.problems.map((problem) => problem.message).join(" "), problems: outcome.problems }, 422);
    const t = translatorIn(language);
    return jsonAnswer({ requested: true, message: t("returns.request.received", { name: outcome.copy.name ?? "" }), return: { name: outcome.copy.name, status: outcome.copy.status } });
  });
