/**
 * "Did everything arrive as expected?" answered no on the customer account's order status page: which
 * delivered line it is about and, if the shopper wrote one, what went wrong. The same message rules as
 * the storefront's help requests (app/models/reviews/review.ts). Pure: no I/O.
 */
import { z } from "zod";
import { LINE_ITEM_GID, ORDER_GID } from "../orders/customer-account-order";
import { helpRequestSchema } from "./review";

export const customerHelpSchema = helpRequestSchema
  .omit({ token: true })
  .extend({
    orderId: z.string().trim().regex(ORDER_GID),
    lineItemId: z.string().trim().regex(LINE_ITEM_GID),
  })
  .strict();

export type CustomerHelp = z.output<typeof customerHelpSchema>;

/** A message over the limit is the shopper's to fix (a field code); anything else is a bad request. */
export function helpFieldCodes(error: z.ZodError): Record<string, string> | null {
  const tooLong = error.issues.every((issue) => issue.path[0] === "message" && issue.code === "too_big");
  return tooLong ? { message: "message_too_long" } : null;
}
