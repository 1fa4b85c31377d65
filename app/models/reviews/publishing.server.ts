/**
 * Publishes a product's review summary as Shopify's standard product metafields, which themes and
 * Google Shopping read: `reviews.rating` (rating) and `reviews.rating_count` (number_integer). Written
 * with the product as owner, so the app needs the `write_products` scope. With no published review the
 * rating is removed (a rating metafield cannot be empty) and the count set to 0.
 */
import { queryAdmin, type AdminGraphql } from "../../shopify/admin-graphql";
import { ratingMetafieldValue, type RatingSummary } from "./review";
import { getProductRatingSummary } from "./review.server";
import { forgetProductReviewPages } from "./list.server";
import { syncReviewMetaobject } from "./metaobject.server";
import { createTranslator, type Translate } from "../../i18n/messages";

const ENGLISH = createTranslator({ language: "en", tag: "en" });

export const REVIEWS_NAMESPACE = "reviews";

const PRODUCT_RATING_SET = `#graphql
  mutation ProductReviewSummarySet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        key
        value
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

const PRODUCT_RATING_DELETE = `#graphql
  mutation ProductReviewRatingDelete($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      userErrors {
        field
        message
      }
    }
  }
`;

interface UserError {
  field: string[] | null;
  message: string;
}

export class ReviewPublishError extends Error {
  constructor(public readonly userErrors: UserError[]) {
    super(`Shopify refused the review summary: ${userErrors.map((error) => error.message).join("; ")}`);
    this.name = "ReviewPublishError";
  }
}

export async function publishRatingSummary(graphql: AdminGraphql, productId: string, summary: RatingSummary): Promise<void> {
  const rating = ratingMetafieldValue(summary);
  const metafields = [
    { ownerId: productId, namespace: REVIEWS_NAMESPACE, key: "rating_count", type: "number_integer", value: String(summary.count) },
    ...(rating ? [{ ownerId: productId, namespace: REVIEWS_NAMESPACE, key: "rating", type: "rating", value: rating }] : []),
  ];
  const set = await queryAdmin(graphql, PRODUCT_RATING_SET, { metafields });
  if (set.metafieldsSet?.userErrors.length) throw new ReviewPublishError(set.metafieldsSet.userErrors);
  if (rating) return;
  const removed = await queryAdmin(graphql, PRODUCT_RATING_DELETE, {
    metafields: [{ ownerId: productId, namespace: REVIEWS_NAMESPACE, key: "rating" }],
  });
  if (removed.metafieldsDelete?.userErrors.length) throw new ReviewPublishError(removed.metafieldsDelete.userErrors);
}

/** Recomputes the product's summary from the published reviews and publishes it. */
export async function republishProductRating(shop: string, graphql: AdminGraphql, productId: string): Promise<RatingSummary> {
  forgetProductReviewPages(shop, productId);
  const summary = await getProductRatingSummary(shop, productId);
  await publishRatingSummary(graphql, productId, summary);
  return summary;
}

/**
 * Publishes everything one review change touches on Shopify: the product's rating metafields and the
 * review's standard metaobject entry. Each part is tried even when the other fails; what went wrong is
 * returned, one sentence per part, for the merchant (the review itself is already saved), in the admin
 * language of `t` (English by default).
 */
export async function publishReviewChange(
  shop: string,
  graphql: AdminGraphql,
  review: { id: string; productId: string },
  t: Translate = ENGLISH,
): Promise<{ problems: string[] }> {
  const problems: string[] = [];
  const explain = (error: unknown) => (error instanceof Error ? error.message : String(error));
  try {
    await republishProductRating(shop, graphql, review.productId);
  } catch (error) {
    problems.push(t("reviews.publishProblems.rating", { reason: explain(error) }));
  }
  try {
    await syncReviewMetaobject(shop, graphql, review.id);
  } catch (error) {
    problems.push(t("reviews.publishProblems.metaobject", { reason: explain(error) }));
  }
  return { problems };
}
