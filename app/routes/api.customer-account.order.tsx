import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { errorAnswer, jsonAnswer } from "../models/orders/customer-account-answers";
import { orderQuerySchema } from "../models/orders/customer-account-order";
import { answerCustomerAccount } from "../models/orders/customer-account-request.server";
import { loadCustomerOrder } from "../models/orders/customer-order.server";

/**
 * GET /api/customer-account/order?orderId=gid://shopify/Order/… for the customer account order-status
 * extension (Bearer session token). Answers { order, lines, contact } for an order of the token's
 * customer; errors are { error, message } (see customer-account-answers.ts): 401 without a valid token
 * or logged-in customer, 400 for a malformed query, 404 for an unknown or another customer's order.
 */

export const CUSTOMER_ORDER_LIMITS = {
  customer: { limit: 60, windowMs: 10 * 60_000 },
  client: { limit: 120, windowMs: 10 * 60_000 },
} as const;

export const loader = async ({ request }: LoaderFunctionArgs) =>
  answerCustomerAccount(request, { feature: "customer-order", limits: CUSTOMER_ORDER_LIMITS }, async ({ shop, customerId }) => {
    const query = orderQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return errorAnswer("invalid_request");
    const answer = await loadCustomerOrder(shop, customerId, query.data.orderId);
    return answer ? jsonAnswer(answer) : errorAnswer("order_not_found");
  });

export const action = async ({ request }: ActionFunctionArgs) =>
  answerCustomerAccount(request, { feature: "customer-order", limits: CUSTOMER_ORDER_LIMITS }, async () => errorAnswer("method_not_allowed", { headers: { Allow: "GET, OPTIONS" } }));
