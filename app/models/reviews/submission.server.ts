/**
 * A buyer's review as both storefront doors take it: the email's signed link and the review prompt block
 * for a logged-in customer. Either way the line is known to be the reviewer's own purchase, so the review
 * is verified, signed with the first name the order carries, and published at once; then Shopify gets the
 * product's new rating and the review's metaobject entry.
 */
import type { AdminGraphql } from "../../shopify/admin-graphql";
import { getContactDetails } from "../orders/contact-details.server";
import { publishReviewChange } from "./publishing.server";
import { recordReview } from "./review.server";

export interface BuyerLine {
  orderId: string;
  lineItemId: string;
  productId: string;
  productTitle: string;
}

export interface BuyerAnswer {
  rating: number;
  title: string;
  body: string;
}

export async function recordBuyerReview(
  shop: string,
  line: BuyerLine,
  answer: BuyerAnswer,
  source: "email" | "storefront",
  now = new Date(),
): Promise<{ id: string }> {
  const contact = (await getContactDetails(shop, [line.orderId])).get(line.orderId);
  return recordReview(
    shop,
    {
      orderId: line.orderId,
      lineItemId: line.lineItemId,
      productId: line.productId,
      productTitle: line.productTitle,
      rating: answer.rating,
      title: answer.title,
      body: answer.body,
      authorName: contact?.firstName ?? null,
      verified: true,
      source,
    },
    now,
  );
}

/**
 * Brings Shopify up to date after a submission. A failure is logged, never shown to the shopper: the review
 * is stored, and the next publication (moderation or a later review) catches up.
 */
export async function publishBuyerReview(shop: string, graphql: AdminGraphql | undefined, review: { id: string; productId: string }): Promise<void> {
  if (!graphql) return;
  try {
    const { problems } = await publishReviewChange(shop, graphql, review);
    for (const problem of problems) console.warn(`Review ${review.id}: ${problem}`);
  } catch (error) {
    console.warn(`Review ${review.id} not published to Shopify: ${error instanceof Error ? error.message : String(error)}`);
  }
}
