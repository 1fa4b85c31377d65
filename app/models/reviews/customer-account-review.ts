/**
 * A review posted from the customer account order-status extension: the order and line it is for, the
 * stars and the words. The same rules as every other review door (app/models/review.ts); failures are
 * answered as field codes the extension translates. Pure: no I/O.
 */
import { z } from "zod";
import { reviewSubmissionSchema } from "./review";
import { LINE_ITEM_GID, ORDER_GID } from "../orders/customer-account-order";

export const customerReviewSchema = reviewSubmissionSchema
  .omit({ token: true })
  .extend({
    orderId: z.string().trim().regex(ORDER_GID),
    lineItemId: z.string().trim().regex(LINE_ITEM_GID),
    rating: z.number().int().min(1).max(5),
  })
  .strict();

export type CustomerReview = z.output<typeof customerReviewSchema>;

/** Which fields are wrong, as codes: rating, title_too_long, body_required, body_too_long, ids. */
export function reviewFieldCodes(error: z.ZodError): Record<string, string> {
  const codes: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (codes[field]) continue;
    if (field === "rating") codes.rating = "rating";
    else if (field === "title") codes.title = "title_too_long";
    else if (field === "body") codes.body = issue.code === "too_big" ? "body_too_long" : "body_required";
    else codes[field] = "invalid";
  }
  return codes;
}

/** Identifiers, unknown fields or a body that is not an object are a bad request, not a fixable form. */
export const isFixableByShopper = (codes: Record<string, string>) => Object.keys(codes).every((field) => ["rating", "title", "body"].includes(field));
