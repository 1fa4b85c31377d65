import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { errorAnswer, jsonAnswer } from "../models/orders/customer-account-answers";
import { readCustomerAccountJson } from "../models/orders/customer-account-body";
import { answerCustomerAccount } from "../models/orders/customer-account-request.server";
import { customerHelpSchema, helpFieldCodes } from "../models/reviews/customer-account-help";
import { requestCustomerHelp } from "../models/reviews/customer-account-help.server";

/**
 * POST /api/customer-account/help, JSON { orderId, lineItemId, message? } from the customer account
 * extension (Bearer session token): "Did everything arrive as expected?" answered no for a line of the
 * token's customer's own delivered order → 201 { helpRequested: true }, listed with the storefront's help
 * requests in the admin. Errors are { error, message, fields? }: 401, 400/413/415 for a malformed
 * request, 404 for a line not in the customer's delivered orders, 422 { fields: { message } }, 429.
 */

export const CUSTOMER_HELP_LIMITS = {
  customer: { limit: 10, windowMs: 10 * 60_000 },
  client: { limit: 30, windowMs: 10 * 60_000 },
} as const;
const MAX_BODY_BYTES = 16 * 1024;

export const action = async ({ request }: ActionFunctionArgs) =>
  answerCustomerAccount(request, { feature: "customer-help", limits: CUSTOMER_HELP_LIMITS }, async ({ shop, customerId }) => {
    if (request.method !== "POST") return errorAnswer("method_not_allowed", { headers: { Allow: "POST, OPTIONS" } });
    const body = await readCustomerAccountJson(request, MAX_BODY_BYTES);
    if (!body.ok) return errorAnswer(body.error);

    const parsed = customerHelpSchema.safeParse(body.value);
    if (!parsed.success) {
      const fields = helpFieldCodes(parsed.error);
      return fields ? errorAnswer("invalid_help", { fields }) : errorAnswer("invalid_request");
    }
    const result = await requestCustomerHelp(shop, customerId, parsed.data);
    return result.requested ? jsonAnswer({ helpRequested: true }, 201) : errorAnswer("line_not_found");
  });

export const loader = async ({ request }: LoaderFunctionArgs) =>
  answerCustomerAccount(request, { feature: "customer-help", limits: CUSTOMER_HELP_LIMITS }, async () => errorAnswer("method_not_allowed", { headers: { Allow: "POST, OPTIONS" } }));
