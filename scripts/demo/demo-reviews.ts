/**
 * Reviews a shop gets once Aftercare has run for a while: published reviews of the demo's coffees and
 * dripper, each text about the product it reviews, written by buyers of delivered orders through the
 * app's own model, the critical ones with the merchant's reply, and each product's rating published to Shopify's standard metafields through the fake Admin API,
 * so the storefront preview shows stars and a review list.
 */
import prisma from "../../app/db.server";
import { getContactDetails } from "../../app/models/orders/contact-details.server";
import { republishProductRating } from "../../app/models/reviews/publishing.server";
import { recordReview } from "../../app/models/reviews/review.server";
import type { AdminGraphql } from "../../app/shopify/admin-graphql";

const DAY = 86_400_000;

interface DemoReview {
  rating: number;
  title: string;
  body: string;
  /** The merchant's public reply. */
  reply?: string;
}

/** What buyers wrote about each reviewed product (by handle), in the order its buyers wrote them. */
export const DEMO_REVIEWS: Record<string, readonly DemoReview[]> = {
  "toraja-coffee-250g": [
    { rating: 5, title: "Chocolate and spice, as described", body: "Roasted eight days before it arrived, so it was at its best. Dark chocolate and a little clove in the pour-over; low acidity." },
    { rating: 4, title: "Great beans, bag could reseal better", body: "Lovely full body as espresso. The zip on the bag stopped closing after a week, so I moved the beans to a jar." },
    { rating: 5, title: "My everyday coffee now", body: "Third bag I have ordered. Smooth enough to drink black and stands up to milk in the morning." },
    { rating: 3, title: "Good coffee, slow delivery", body: "The coffee is good but the parcel took six days instead of the three the shop page said.", reply: "Sorry for the wait: the courier missed its pickup that week. We have added a second courier so it does not happen again." },
    { rating: 5, title: "", body: "Ground it for a moka pot and it was rich without any bitterness. The roast date is printed on the bag, which I appreciate." },
    { rating: 4, title: "Earthy and sweet", body: "A bit darker than I usually buy, but very clean. Brewed at 92 °C it tastes of brown sugar." },
    { rating: 2, title: "Too dark for filter", body: "For my V60 this roast is too dark; it came out smoky. Probably better for espresso drinkers.", reply: "Thank you for the honest note. For filter, our Gayo single origin is the lighter roast; write to us and we will help you pick." },
    { rating: 5, title: "Perfect gift for a coffee lover", body: "Sent a bag to my father, who drinks Toraja coffee at home in Makassar. He says it tastes like the real thing." },
  ],
  "gayo-coffee-500g": [
    { rating: 5, title: "Bright and fruity", body: "Blackcurrant and a clean finish through the AeroPress. 500 g lasts me almost a month." },
    { rating: 4, title: "Lovely light roast", body: "Very aromatic when you open the bag. I would like a whole-bean option in a smaller bag to keep it fresher." },
    { rating: 5, title: "Best Aceh coffee I have found", body: "Sweet, a hint of lemon and no bitterness at all. Arrived well sealed with the one-way valve." },
    { rating: 3, title: "Nice, but quite acidic", body: "Good beans, just more acidity than I expected from the description. Works better as a cold brew for me.", reply: "Thank you! We have updated the tasting notes to say it is a bright, citrusy roast." },
    { rating: 5, title: "", body: "Ordered on Monday, drinking it on Wednesday. Tastes of stone fruit as a pour-over." },
    { rating: 4, title: "Good value for 500 g", body: "Consistent roast, no broken beans. A great everyday filter coffee." },
  ],
  "ceramic-pour-over-dripper": [
    { rating: 5, title: "Holds heat well", body: "The thick ceramic keeps the brew temperature steady, and it fits size 02 paper filters exactly." },
    { rating: 4, title: "Beautiful glaze", body: "Each one is slightly different; mine has a lovely speckled white glaze. It drains a little slowly with fine grinds." },
    { rating: 5, title: "Arrived safely", body: "Was worried about a ceramic piece in the post, but it was packed in thick paper and arrived without a chip." },
    { rating: 2, title: "Smaller than I expected", body: "It brews one or two cups only; check the size before ordering if you brew for a family.", reply: "Thank you, we have added the capacity (1–2 cups, 500 ml) to the product page." },
  ],
};

/** The products the demo has reviews for, in the shop's order: those DEMO_REVIEWS has texts for. */
export function reviewedProducts<T extends { handle: string }>(products: readonly T[]): T[] {
  return products.filter((product) => (DEMO_REVIEWS[product.handle]?.length ?? 0) > 0);
}

export async function seedDemoReviews(
  shop: string,
  graphql: AdminGraphql,
  products: ReadonlyArray<{ id: string; handle: string }>,
  now: Date,
): Promise<number> {
  const wanted = reviewedProducts(products);
  const lines = await prisma.orderLineItem.findMany({ where: { shop, productId: { in: wanted.map((product) => product.id) } }, orderBy: { id: "asc" } });
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
  for (const product of wanted) {
    const texts = DEMO_REVIEWS[product.handle] ?? [];
    // One review per delivered line, each buyer writing the next of the product's texts.
    const bought = lines.filter((line) => line.productId === product.id && delivered.has(line.orderId)).slice(0, texts.length);
    for (const [index, line] of bought.entries()) {
      const { reply, ...words } = texts[index]!;
      const writtenAt = new Date(Math.min(now.getTime() - DAY, (delivered.get(line.orderId) as Date).getTime() + 3 * DAY));
      const { id } = await recordReview(
        shop,
        {
          orderId: line.orderId,
          lineItemId: line.id,
          productId: product.id,
          productTitle: line.title,
          ...words,
          authorName: names.get(line.orderId)?.firstName ?? null,
          verified: true,
          source: "email",
        },
        writtenAt,
      );
      if (reply) {
        await prisma.review.update({ where: { id }, data: { reply, repliedAt: new Date(writtenAt.getTime() + DAY) } });
      }
      stored += 1;
    }
    if (bought.length > 0) await republishProductRating(shop, graphql, product.id);
  }
  return stored;
}
