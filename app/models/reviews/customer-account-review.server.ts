/**
 * Reviews from the customer account: the line must be in the logged-in customer's own delivered order,
 * then it goes through the same submission path as the email link and the review prompt block
 * (verified, signed with the order's first name, published, synced to Shopify).
 */
import type { AdminGraphql } from "../../shopify/admin-graphql";
import { findCustomerReviewLine } from "./prompt.server";
import { publishBuyerReview, recordBuyerReview } from "./submission.server";
import { loadCustomerOrder } from "../orders/customer-order.server";
import type { CustomerReview } from "./customer-account-review";

export type CustomerReviewResult = { recorded: true; verified: true } | { recorded: false };

export async function submitCustomerReview(
  shop: string,
  customerId: string,
  review: CustomerReview,
  graphql: AdminGraphql | undefined,
  now = new Date(),
): Promise<CustomerReviewResult> {
  const order = await loadCustomerOrder(shop, customerId, review.orderId, now);
  if (!order || !order.lines.some((line) => line.lineItemId === review.lineItemId)) return { recorded: false };
  const line = await findCustomerReviewLine(shop, customerId, review.orderId, review.lineItemId);
  if (!line) return { recorded: false };

  const stored = await recordBuyerReview(shop, line, { rating: review.rating, title: review.title, body: review.body }, "storefront", now);
  await publishBuyerReview(shop, graphql, { id: stored.id, productId: line.productId });
  return { recorded: true, verified: true };
}
