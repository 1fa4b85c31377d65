/**
 * What a shopper's return request form sends (storefront through the app proxy, customer account
 * through its backend): the items with their quantities and Shopify return reasons, and an optional
 * note. Pure: zod only. Who is asking never comes from here (signed claims do that).
 */
import { z } from "zod";
import { MAX_CUSTOMER_NOTE_LENGTH, type AskedReturnLine } from "./request-eligibility";

const gid = (type: string) => z.string().trim().max(100).regex(new RegExp(`^gid://shopify/${type}/\\d+$`));

export const returnRequestItems = z
  .array(
    z.object({
      lineItemId: gid("LineItem"),
      quantity: z.coerce.number().int().min(0).max(1000),
      reasonDefinitionId: gid("ReturnReasonDefinition").optional().or(z.literal("")),
    }),
  )
  .max(50);

export const returnRequestFields = z.object({
  items: returnRequestItems,
  note: z.string().max(MAX_CUSTOMER_NOTE_LENGTH * 2).optional().default(""),
});

export type ReturnRequestFields = z.output<typeof returnRequestFields>;

/**
 * The lines the shopper asked for: items with a quantity of 0 are left out (the form lists every
 * item); the note goes with each line, as Shopify keeps a note per return line.
 */
export function askedLinesFrom(fields: ReturnRequestFields): AskedReturnLine[] {
  const note = fields.note.trim() || null;
  return fields.items
    .filter((item) => item.quantity > 0)
    .map((item) => ({ lineItemId: item.lineItemId, quantity: item.quantity, reasonDefinitionId: item.reasonDefinitionId ?? "", customerNote: note }));
}
