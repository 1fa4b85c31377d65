/**
 * A review as an entry of Shopify's standard product review metaobject (type `product_review`), which
 * the Shop app and headless storefronts read. Pure: builds the handle and the field values; the
 * Admin API calls are in reviews/metaobject.server.ts.
 *
 * Field keys follow the standard definition: rating (rating), title, body, submitted_at and
 * published_at (date_time), source, author_display_name, order and product (references),
 * merchant_reply and merchant_replied_at, media_urls (list.url).
 */
import { RATING_MAX, RATING_MIN } from "./review";

export const PRODUCT_REVIEW_METAOBJECT_TYPE = "product_review";
/** What the `source` field names: the app the review was collected with. */
export const REVIEW_SOURCE_NAME = "Aftercare";

export interface SyndicatedReview {
  id: string;
  orderId: string;
  productId: string;
  rating: number;
  title: string;
  body: string;
  authorName: string | null;
  reply: string | null;
  repliedAt: Date | null;
  createdAt: Date;
  photoUrls: readonly string[];
}

export interface MetaobjectFieldValue {
  key: string;
  value: string;
}

/** A stable handle per review: our id, lower case, in the characters a handle allows. */
export function reviewMetaobjectHandle(reviewId: string): string {
  return `aftercare-review-${reviewId.toLowerCase().replace(/[^a-z0-9-]/g, "-")}`;
}

/**
 * The entry's fields. Optional fields are always sent (blank clears them on Shopify), so a reply the
 * merchant removes or a title the buyer cleared disappears from the entry too.
 */
export function productReviewFields(review: SyndicatedReview, publishedAt: Date): MetaobjectFieldValue[] {
  const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, " ").trim();
  return [
    { key: "rating", value: JSON.stringify({ value: String(review.rating), scale_min: String(RATING_MIN), scale_max: String(RATING_MAX) }) },
    { key: "title", value: oneLine(review.title) },
    { key: "body", value: review.body },
    { key: "submitted_at", value: review.createdAt.toISOString() },
    { key: "published_at", value: publishedAt.toISOString() },
    { key: "source", value: REVIEW_SOURCE_NAME },
    { key: "author_display_name", value: review.authorName ? oneLine(review.authorName) : "" },
    { key: "order", value: review.orderId },
    { key: "product", value: review.productId },
    { key: "merchant_reply", value: review.reply ?? "" },
    { key: "merchant_replied_at", value: review.reply && review.repliedAt ? review.repliedAt.toISOString() : "" },
    { key: "media_urls", value: review.photoUrls.length > 0 ? JSON.stringify(review.photoUrls) : "" },
  ];
}
