/**
 * Reviews a shop gets once Aftercare has run for a while: a few published reviews of the demo's first
 * products, written by buyers of delivered orders through the app's own model, one with the merchant's
 * reply, and each product's rating published to Shopify's standard metafields through the fake Admin API,
 * so the storefront preview shows stars and a review list.
 */
import prisma from "../../app/db.server";
import { getContactDetails } from "../../app/models/contact-details.server";
import { republishProductRating } from "../../app/models/review-publishing.server";
import { recordReview } from "../../app/models/review.server";
import type { AdminGraphql } from "../../app/shopify/admin-graphql";

const DAY = 86_400_000;
const PRODUCTS_REVIEWED = 3;
const REVIEWS_PER_PRODUCT = 8;

const WORDS: Array<{ rating: number; title: string; body: string }> = [
  { rating: 5, title: "Exactly as pictured", body: "Arrived two days early and well packed. The quality is even better in person." },
  { rating: 4, title: "Very happy", body: "Lovely finish. The colour is a little darker than on my screen, but I like it." },
  { rating: 5, title: "Second one I bought", body: "Bought one for my sister after using mine for a month. Still looks new." },
  { rating: 3, title: "Good, slow shipping", body: "The product is good. Delivery took longer than the estimate said." },
  { rating: 5, title: "", body: "Great value and a handwritten thank-you note in the box." },
  { rating: 4, title: "Solid", body: "Does what it should. Would buy again." },
  { rating: 2, title: "Smaller than expected", body: "Check the measurements before ordering; it is smaller than it looks." },
  { rating: 5, title: "Perfect gift", body: "My mother loved it." },
];

export async function seedDemoReviews(shop: string, graphql: AdminGraphql, productIds: readonly string[], now: Date): Promise<number> {
  const wanted = productIds.slice(0, PRODUCTS_REVIEWED);
  const lines = await prisma.orderLineItem.findMany({ where: { shop, productId: { in: wanted } }, orderBy: { id: "asc" } });
  const delivered = new Map(
    (
      await prisma.order.findMany({
        where: { shop, id: { in: [...new Set(lines.map((line) => line.orderId))] }, deliveredAt: { not: null }, cancelledAt: null },
        select: { id: true, deliveredAt: true },
      })
    ).map((order) => [order.id, order.deliveredAt as Date]),
  );
  const names = await getContactDetails(shop, [...delivered.keys()]);
  let stored = 0;
  for (const [rank, productId] of wanted.entries()) {
    // Each product its own mix: fewer reviews further down the list, starting at a different text.
    const bought = lines.filter((line) => line.productId === productId && delivered.has(line.orderId)).slice(0, REVIEWS_PER_PRODUCT - 2 * rank);
    for (const [index, line] of bought.entries()) {
      const words = WORDS[(index + 3 * rank) % WORDS.length];
      const writtenAt = new Date(Math.min(now.getTime() - DAY, (delivered.get(line.orderId) as Date).getTime() + 3 * DAY));
      const { id } = await recordReview(
        shop,
        {
          orderId: line.orderId,
          lineItemId: line.id,
          productId,
          productTitle: line.title,
          ...words,
          authorName: names.get(line.orderId)?.firstName ?? null,
          verified: true,
          source: "email",
        },
        writtenAt,
      );
      if (words.rating <= 3) {
        await prisma.review.update({
          where: { id },
          data: { reply: "Thank you for telling us. We have passed this on to our team and will do better.", repliedAt: new Date(writtenAt.getTime() + DAY) },
        });
      }
      stored += 1;
    }
    if (bought.length > 0) await republishProductRating(shop, graphql, productId);
  }
  return stored;
}
