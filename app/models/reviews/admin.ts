/**
 * What the merchant's review page accepts: the queue filters in its URL and the public reply form.
 * Pure: no I/O. A filter value that makes no sense is dropped and named in `problems`, so the page
 * shows a banner instead of failing. Messages are in the admin language of the translator given
 * (English by default).
 */
import { z } from "zod";
import { createTranslator, type Translate } from "../../i18n/messages";
import { RATING_MAX, RATING_MIN, REJECT_REASONS, type RejectReason, type ReviewStatus } from "./review";

export const REPLY_MAX_LENGTH = 1500;

const ENGLISH = createTranslator({ language: "en", tag: "en" });

export interface ReviewQueueFilter {
  status?: ReviewStatus;
  rejectReason?: RejectReason;
  rating?: number;
  verified?: boolean;
  productId?: string;
}

const PRODUCT_GID = /^gid:\/\/shopify\/Product\/\d+$/;

/** The filters of `?status=&reason=&rating=&verified=&product=`; blank values mean "any". */
export function parseReviewQueueFilter(params: URLSearchParams, t: Translate = ENGLISH): { filter: ReviewQueueFilter; problems: string[] } {
  const filter: ReviewQueueFilter = {};
  const problems: string[] = [];
  const read = (name: string) => params.get(name)?.trim() ?? "";

  const status = read("status");
  if (status === "published" || status === "rejected") filter.status = status;
  else if (status) problems.push(t("reviews.filterProblems.status", { value: status }));

  const reason = read("reason");
  if ((REJECT_REASONS as readonly string[]).includes(reason)) filter.rejectReason = reason as RejectReason;
  else if (reason) problems.push(t("reviews.filterProblems.reason", { value: reason }));

  const rating = read("rating");
  const stars = Number(rating);
  if (rating && Number.isInteger(stars) && stars >= RATING_MIN && stars <= RATING_MAX) filter.rating = stars;
  else if (rating) problems.push(t("reviews.filterProblems.rating", { min: RATING_MIN, max: RATING_MAX }));

  const verified = read("verified");
  if (verified === "yes" || verified === "no") filter.verified = verified === "yes";
  else if (verified) problems.push(t("reviews.filterProblems.verified", { value: verified }));

  const product = read("product");
  if (PRODUCT_GID.test(product)) filter.productId = product;
  else if (product) problems.push(t("reviews.filterProblems.product"));

  return { filter, problems };
}

/** The public reply form, its messages in the language of `t`. */
export const replySchemaFor = (t: Translate = ENGLISH) =>
  z.object({
    id: z.string().min(1, t("reviews.errors.chooseReview")).max(64),
    reply: z
      .string({ required_error: t("reviews.errors.writeReply") })
      .transform((value) => value.replace(/[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/g, "").trim())
      .refine((value) => value.length > 0, t("reviews.errors.writeReply"))
      .refine((value) => value.length <= REPLY_MAX_LENGTH, t("reviews.errors.replyTooLong", { max: REPLY_MAX_LENGTH })),
  });

export const replySchema = replySchemaFor();
