/**
 * What the merchant's review page accepts: the queue filters in its URL and the public reply form.
 * Pure: no I/O. A filter value that makes no sense is dropped and named in `problems`, so the page
 * shows a banner instead of failing.
 */
import { z } from "zod";
import { RATING_MAX, RATING_MIN, REJECT_REASONS, type RejectReason, type ReviewStatus } from "./review";

export const REPLY_MAX_LENGTH = 1500;

export interface ReviewQueueFilter {
  status?: ReviewStatus;
  rejectReason?: RejectReason;
  rating?: number;
  verified?: boolean;
  productId?: string;
}

const PRODUCT_GID = /^gid:\/\/shopify\/Product\/\d+$/;

/** The filters of `?status=&reason=&rating=&verified=&product=`; blank values mean "any". */
export function parseReviewQueueFilter(params: URLSearchParams): { filter: ReviewQueueFilter; problems: string[] } {
  const filter: ReviewQueueFilter = {};
  const problems: string[] = [];
  const read = (name: string) => params.get(name)?.trim() ?? "";

  const status = read("status");
  if (status === "published" || status === "rejected") filter.status = status;
  else if (status) problems.push(`"${status}" is not a review status: showing every status.`);

  const reason = read("reason");
  if ((REJECT_REASONS as readonly string[]).includes(reason)) filter.rejectReason = reason as RejectReason;
  else if (reason) problems.push(`"${reason}" is not a rejection reason: showing every reason.`);

  const rating = read("rating");
  const stars = Number(rating);
  if (rating && Number.isInteger(stars) && stars >= RATING_MIN && stars <= RATING_MAX) filter.rating = stars;
  else if (rating) problems.push(`Ratings go from ${RATING_MIN} to ${RATING_MAX} stars: showing every rating.`);

  const verified = read("verified");
  if (verified === "yes" || verified === "no") filter.verified = verified === "yes";
  else if (verified) problems.push(`"${verified}" is not a buyer filter: showing every buyer.`);

  const product = read("product");
  if (PRODUCT_GID.test(product)) filter.productId = product;
  else if (product) problems.push("That product link is not valid: showing every product.");

  return { filter, problems };
}

export const replySchema = z.object({
  id: z.string().min(1, "Choose a review to reply to").max(64),
  reply: z
    .string({ required_error: "Write a reply, or remove it" })
    .transform((value) => value.replace(/[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/g, "").trim())
    .refine((value) => value.length > 0, "Write a reply, or remove it")
    .refine((value) => value.length <= REPLY_MAX_LENGTH, `Keep the reply under ${REPLY_MAX_LENGTH.toLocaleString("en")} characters`),
});
