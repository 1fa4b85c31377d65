/*
 * The reviews folder: asking buyers for reviews at the right time and publishing what they say.
 * Pure core: review.ts, timing.ts (when to ask), token.ts (signed links), request.ts, photo.ts, list.ts,
 * funnel.ts, admin.ts. Server side: submission.server.ts (one path for every review door),
 * publishing.server.ts and metaobject.server.ts (to Shopify), prompt.server.ts, admin.server.ts, list.server.ts.
 */
/**
 * Product reviews: what the review form posts, the content reasons a merchant may reject for, and the
 * rating summary Liquid reads. Pure: no I/O (and safe in the browser bundle; links are in reviews/token.ts).
 *
 * Reviews are never gated by rating: every review is published unless the merchant rejects it for what
 * it says (US FTC rule on consumer reviews, in force since 2024-10-21).
 */
import { z } from "zod";

export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const RATINGS = [1, 2, 3, 4, 5] as const;

export const TITLE_MAX_LENGTH = 120;
export const BODY_MAX_LENGTH = 5000;
export const HELP_MESSAGE_MAX_LENGTH = 2000;

/** Drops control characters (line breaks stay) and surrounding blanks. */
function cleanText(value: string): string {
  return value.replace(/[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/g, "").trim();
}

const token = z.string({ required_error: "This link is incomplete" }).min(1, "This link is incomplete").max(2000);

export const reviewSubmissionSchema = z.object({
  token,
  rating: z.coerce
    .number({ invalid_type_error: "Choose from 1 to 5 stars" })
    .int("Choose from 1 to 5 stars")
    .min(RATING_MIN, "Choose from 1 to 5 stars")
    .max(RATING_MAX, "Choose from 1 to 5 stars"),
  title: z
    .string()
    .max(TITLE_MAX_LENGTH, `Keep the title under ${TITLE_MAX_LENGTH} characters`)
    .default("")
    .transform(cleanText),
  body: z
    .string()
    .max(BODY_MAX_LENGTH, `Keep the review under ${BODY_MAX_LENGTH.toLocaleString("en")} characters`)
    .transform(cleanText)
    .refine((value) => value.length > 0, "Tell other shoppers what you think"),
});
export type ReviewSubmission = z.infer<typeof reviewSubmissionSchema>;

export const helpRequestSchema = z.object({
  token,
  message: z
    .string()
    .max(HELP_MESSAGE_MAX_LENGTH, `Keep the message under ${HELP_MESSAGE_MAX_LENGTH.toLocaleString("en")} characters`)
    .optional()
    .transform((value) => (value ? cleanText(value) || null : null)),
});

/** Field messages of a failed parse, first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

export const REJECT_REASONS = ["spam", "abuse", "personal_data", "off_topic"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export type ReviewStatus = "published" | "rejected";

export interface RatingSummary {
  /** Mean of published ratings, rounded to one decimal; null with no reviews. */
  average: number | null;
  count: number;
  /** Published reviews per star, index 0 = 1 star. */
  distribution: [number, number, number, number, number];
}

export function summarizeRatings(ratings: readonly number[]): RatingSummary {
  const distribution: RatingSummary["distribution"] = [0, 0, 0, 0, 0];
  let total = 0;
  for (const rating of ratings) {
    if (!Number.isInteger(rating) || rating < RATING_MIN || rating > RATING_MAX) continue;
    distribution[rating - 1] += 1;
    total += rating;
  }
  const count = distribution.reduce((sum, n) => sum + n, 0);
  return { average: count === 0 ? null : Math.round((total / count) * 10) / 10, count, distribution };
}

/** The `reviews.rating` metafield value (Shopify's rating type), or null when nothing is published. */
export function ratingMetafieldValue(summary: RatingSummary): string | null {
  if (summary.average === null) return null;
  return JSON.stringify({ value: summary.average.toFixed(1), scale_min: RATING_MIN.toFixed(1), scale_max: RATING_MAX.toFixed(1) });
}
