import { createHash, timingSafeEqual } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import prisma from "../../db.server";
import { normalizeEmail } from "../orders/contact-details.server";
import { activeFulfillments, type FulfillmentRecord } from "../orders/record";
import { getReturnSettings, type FinalSaleProducts } from "./settings.server";
import { evaluateReturnEligibility, type ReturnReason, type ReturnableLine, type ReturnableOrder } from "./window";
import { zonedDateTime } from "../shop/time";

/**
 * The shopper's order check: "which items of my order can I still return, and until when?". Reads the
 * orders Aftercare synced (never Shopify while the shopper waits) and answers only to someone who
 * proves the order is theirs: the email it was placed with (`OrderContact`, recorded from the order
 * webhooks and sync when the app may read it), or the logged-in customer who placed it.
 *
 * No order enumeration: an unknown order number and a known one with the wrong email get the same
 * answer, through the same database queries, and no answer leaves before `MIN_ANSWER_MS`.
 *
 * What the synced data can tell per line
 * - A line counts as fulfilled when the whole order is (Shopify's displayFulfillmentStatus FULFILLED),
 *   at the time of the last parcel, and delivered when every parcel was delivered, at the last
 *   delivery: both err on the shopper's side. In a partially fulfilled order, which lines shipped is
 *   not synced, so every line reads "not shipped yet" until the rest ships.
 * - Final sale comes from the products the rules matched at the last save (tags and collections).
 */

/** Every answer takes at least this long, so timing tells nothing about whether an order exists. */
export const MIN_ANSWER_MS = 400;

// ---- Input ----

const ORDER_NUMBER = /^#?[A-Za-z0-9][A-Za-z0-9-]{0,29}$/;

const orderCheckFields = z.object({
  orderNumber: z
    .string({ required_error: "Enter your order number.", invalid_type_error: "Enter your order number." })
    .trim()
    .min(1, "Enter your order number.")
    .max(31, "An order number has at most 30 characters.")
    .regex(ORDER_NUMBER, "Enter the order number from your confirmation email, for example #1001."),
  email: z
    .string({ invalid_type_error: "Enter the email address you used for the order." })
    .trim()
    .max(254, "An email address has at most 254 characters.")
    .email("Enter the email address you used for the order, for example name@example.com.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export type OrderCheckInput = z.output<typeof orderCheckFields>;
export type OrderCheckField = keyof OrderCheckInput;

export type ParsedOrderCheck =
  | { ok: true; input: OrderCheckInput }
  | { ok: false; errors: Partial<Record<OrderCheckField | "form", string>> };

/** Validates what the shopper sent; a logged-in shopper may leave the email out. */
export function parseOrderCheckInput(raw: unknown, options: { loggedIn: boolean }): ParsedOrderCheck {
  const schema = orderCheckFields.superRefine((value, ctx) => {
    if (!value.email && !options.loggedIn) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["email"], message: "Enter the email address you used for the order." });
    }
  });
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, input: result.data };
  const errors: Partial<Record<OrderCheckField | "form", string>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] === "orderNumber" || issue.path[0] === "email" ? issue.path[0] : "form";
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The names an order number may be stored under: "1001" and "#1001" are the same order. */
export function orderNameCandidates(orderNumber: string): string[] {
  const bare = orderNumber.trim().replace(/^#/, "");
  return [`#${bare}`, bare];
}

// ---- Email comparison ----

/** Compares two emails in constant time (both hashed to the same length first). */
function sameEmail(stored: string, claimed: string): boolean {
  const digest = (email: string) => createHash("sha256").update(normalizeEmail(email)).digest();
  return timingSafeEqual(digest(stored), digest(claimed));
}

// ---- The answer ----

export interface CheckedLine {
  title: string;
  quantity: number;
  eligible: boolean;
  reason: ReturnReason;
  /** Units that may still be returned. */
  returnableQuantity: number;
  /** Last day to start a return, shop-local YYYY-MM-DD. */
  lastDay: string | null;
  /** The last instant, ISO 8601 UTC. */
  deadline: string | null;
}

export type OrderCheckAnswer =
  | { result: "found"; order: { name: string; placedOn: string; lines: CheckedLine[] } }
  /** Unknown order number, or not the shopper's order: deliberately the same. */
  | { result: "not_found"; order: null }
  /** The shop has not set up its return rules yet. */
  | { result: "unavailable"; order: null };

export interface OrderCheckOptions {
  /** `logged_in_customer_id` from the app proxy: the shopper is logged in as this customer. */
  loggedInCustomerId?: string | null;
  now?: Date;
  /** Defaults to MIN_ANSWER_MS. */
  minAnswerMs?: number;
}

type StoredOrder = Prisma.OrderGetPayload<object>;
type StoredLine = Prisma.OrderLineItemGetPayload<object>;

/** An order id that no order has, so a miss runs the same queries as a hit. */
const NO_ORDER = "gid://shopify/Order/0";

export async function checkOrderReturns(
  shop: string,
  input: OrderCheckInput,
  options: OrderCheckOptions = {},
): Promise<OrderCheckAnswer> {
  const started = Date.now();
  const answer = await findAnswer(shop, input, options);
  const wait = (options.minAnswerMs ?? MIN_ANSWER_MS) - (Date.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return answer;
}

async function findAnswer(shop: string, input: OrderCheckInput, options: OrderCheckOptions): Promise<OrderCheckAnswer> {
  const settings = await getReturnSettings(shop);
  if (!settings) return { result: "unavailable", order: null };

  const order = await prisma.order.findFirst({ where: { shop, name: { in: orderNameCandidates(input.orderNumber) } } });
  const orderId = order?.id ?? NO_ORDER;
  const [contact, lines, parcels] = await Promise.all([
    prisma.orderContact.findUnique({ where: { shop_orderId: { shop, orderId } } }),
    prisma.orderLineItem.findMany({ where: { shop, orderId }, orderBy: { id: "asc" } }),
    prisma.orderFulfillment.findMany({ where: { shop, orderId } }),
  ]);
  // Compared even when there is nothing to compare, so a miss costs what a hit costs.
  const emailMatches = sameEmail(contact?.email ?? "", input.email ?? "") && !!contact && input.email !== undefined;
  const customerMatches =
    !!options.loggedInCustomerId &&
    !!order?.customerId &&
    order.customerId === `gid://shopify/Customer/${options.loggedInCustomerId}`;
  if (!order || !(emailMatches || customerMatches)) return { result: "not_found", order: null };

  const now = options.now ?? new Date();
  const returnable = returnableOrderFrom(order, lines, parcels, settings.timeZone, settings.finalSaleProducts);
  const verdicts = evaluateReturnEligibility(returnable, settings.rules, now);
  return {
    result: "found",
    order: {
      name: order.name,
      placedOn: zonedDateTime(order.createdAt, settings.timeZone).date,
      lines: lines.map((line, index): CheckedLine => {
        const verdict = verdicts[index];
        return {
          title: line.title,
          quantity: line.quantity,
          eligible: verdict.eligible,
          reason: verdict.reason,
          returnableQuantity: verdict.returnableQuantity,
          lastDay: verdict.lastDay ?? null,
          deadline: verdict.deadline ?? null,
        };
      }),
    },
  };
}

const latest = (dates: Array<Date | null>): Date | null =>
  dates.reduce<Date | null>((max, date) => (date && (!max || date > max) ? date : max), null);

/** The synced order in the shape the return window evaluates (see the module comment for what it assumes). */
export function returnableOrderFrom(
  order: Pick<StoredOrder, "createdAt" | "cancelledAt" | "fulfillmentStatus">,
  lines: readonly Pick<StoredLine, "id" | "quantity" | "productId">[],
  fulfillments: readonly FulfillmentRecord[],
  timeZone: string,
  finalSale: FinalSaleProducts,
): ReturnableOrder {
  const parcels = activeFulfillments(fulfillments);
  const fullyShipped = order.fulfillmentStatus === "FULFILLED" && parcels.length > 0;
  const fulfilledAt = fullyShipped ? latest(parcels.map((parcel) => parcel.createdAt)) : null;
  const allDelivered = fullyShipped && parcels.every((parcel) => parcel.deliveredAt);
  const deliveredAt = allDelivered ? latest(parcels.map((parcel) => parcel.deliveredAt)) : null;
  return {
    processedAt: order.createdAt.toISOString(),
    cancelledAt: order.cancelledAt?.toISOString() ?? null,
    timeZone,
    lines: lines.map((line): ReturnableLine => {
      const matched = line.productId ? finalSale[line.productId] : undefined;
      return {
        id: line.id,
        quantity: line.quantity,
        productTags: matched?.tags ?? [],
        collectionIds: matched?.collectionIds ?? [],
        fulfilledAt: fulfilledAt?.toISOString() ?? null,
        deliveredAt: deliveredAt?.toISOString() ?? null,
      };
    }),
  };
}
