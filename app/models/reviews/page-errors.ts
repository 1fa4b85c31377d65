/**
 * What the review page tells a buyer about a refused field or photo, in the buyer's language, limits
 * named. The schemas in review.ts decide what is refused; this module only words it. Pure: no I/O.
 */
import type { z } from "zod";
import { BODY_MAX_LENGTH, HELP_MESSAGE_MAX_LENGTH, RATING_MAX, RATING_MIN, TITLE_MAX_LENGTH } from "./review";
import { PHOTO_EMPTY_MESSAGE, PHOTO_TOO_LARGE_MESSAGE, PHOTO_UNREADABLE_MESSAGE, PHOTO_WRONG_TYPE_MESSAGE } from "./photo";
import type { StorefrontPageStrings } from "../storefront/page-strings";

function issueMessage(issue: z.ZodIssue, words: StorefrontPageStrings): string {
  switch (issue.path[0]) {
    case "token":
      return words.reviewLinkIncomplete;
    case "rating":
      return words.reviewChooseStars(RATING_MIN, RATING_MAX);
    case "title":
      return words.reviewTitleMax(TITLE_MAX_LENGTH);
    case "body":
      return issue.code === "too_big" ? words.reviewBodyMax(BODY_MAX_LENGTH) : words.reviewBodyRequired;
    case "message":
      return words.reviewHelpMax(HELP_MESSAGE_MAX_LENGTH);
    default:
      return words.bodyUnreadable;
  }
}

/** The first message per field of a failed review or help parse ("form" for one without a field). */
export function reviewFieldErrors(error: z.ZodError, words: StorefrontPageStrings): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issueMessage(issue, words);
  return errors;
}

/** A refused photo or form body (see reviews/photo.ts, reviews/photo.server.ts), in the buyer's words. */
export function photoRefusal(refusal: { status: number; message: string }, words: StorefrontPageStrings): string {
  const known: Record<string, string> = {
    [PHOTO_TOO_LARGE_MESSAGE]: words.photoTooLarge,
    [PHOTO_WRONG_TYPE_MESSAGE]: words.photoWrongType,
    [PHOTO_EMPTY_MESSAGE]: words.photoEmpty,
    [PHOTO_UNREADABLE_MESSAGE]: words.photoUnreadable,
  };
  if (known[refusal.message]) return known[refusal.message];
  return refusal.status === 413 ? words.reviewFormTooLarge : words.bodyUnreadable;
}
