import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { errorAnswer, jsonAnswer } from "../models/orders/customer-account-answers";
import { answerCustomerAccount } from "../models/orders/customer-account-request.server";
import { customerReviewSchema, isFixableByShopper, reviewFieldCodes } from "../models/reviews/customer-account-review";
import { submitCustomerReview } from "../models/reviews/customer-account-review.server";
import { readCustomerAccountJson } from "../models/orders/customer-account-body";

/**
 * POST /api/customer-account/review, JSON { orderId, lineItemId, rating, title?, body } from the
 * customer account extension (Bearer session token): a review of a line of the token's customer's own
 * delivered order, stored verified and published → { recorded: true, verified: true }. Errors are
 * { error, message, fields? }: 401, 400/413/415 for a malformed request, 404 for a line that is not in
 * the customer's delivered orders, 422 with field codes, 429.
 */

export const CUSTOMER_REVIEW_LIMITS = {
  customer: { limit: 20, windowMs: 10 * 60_000 },
  client: { limit: 40, windowMs: 10 * 60_000 },
} as const;
const MAX_BODY_BYTES = 16 * 1024;

export const action = async ({ request }: ActionFunctionArgs) =>
  answerCustomerAccount(request, { feature: "customer-review", limits: CUSTOMER_REVIEW_LIMITS }, async ({ shop, customerId, adminGraphql }) => {
    if (request.method !== "POST") return errorAnswer("method_not_allowed", { headers: { Allow: "POST, OPTIONS" } });
    const body = await readCustomerAccountJson(request, MAX_BODY_BYTES);
    if (!body.ok) return errorAnswer(body.error);

    const parsed = customerReviewSchema.safeParse(body.value);
    if (!parsed.success) {
      const fields = reviewFieldCodes(parsed.error);
      return isFixableByShopper(fields) ? errorAnswer("invalid_review", { fields }) : errorAnswer("invalid_request");
    }
    const result = await submitCustomerReview(shop, customerId, parsed.data, await adminGraphql());
    return result.recorded ? jsonAnswer(result) : errorAnswer("line_not_found");
  });

export const loader = async ({ request }: LoaderFunctionArgs) =>
  answerCustomerAccount(request, { feature: "customer-review", limits: CUSTOMER_REVIEW_LIMITS }, async () => errorAnswer("method_not_allowed", { headers: { Allow: "POST, OPTIONS" } }));
