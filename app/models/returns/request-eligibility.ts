/**
 * Whether a shopper's return request may go to Shopify. Pure: no I/O, the clock is a parameter.
 *
 * Aftercare's rules decide, on the server, before anything is sent (`returnRequest`):
 * - the request names at least one item, each with a whole quantity of at least 1;
 * - every item is a line of the order, still inside its return window (window.ts, holiday periods
 *   included), not final sale, not cancelled or refunded, and shipped;
 * - no more units than were bought, and no more than Shopify still lets be returned
 *   (`returnableFulfillments`: fulfilled units not in another return);
 * - a note is at most 300 characters (Shopify's limit).
 * A refused request names every problem with a message key (`returns.request.refused.*`) and its
 * values. An accepted one is spread over Shopify's fulfillment line items, ready for `requestReturn`.
 *
 * Whose order it is: `isOrderOwner` answers it for the storefront's order check and the customer
 * account (logged-in customer id, or the email the order was placed with); the caller refuses with
 * `returns.request.refused.notOwner` before calling `checkReturnRequest`.
 */
import type { MessageKey } from "../../i18n";
import type { ReturnRules } from "./rules";
import { evaluateReturnEligibility, type ReturnableOrder } from "./window";

export const MAX_CUSTOMER_NOTE_LENGTH = 300;

/** One line the shopper asked to return, by the order's line item id. */
export interface AskedReturnLine {
  lineItemId: string;
  quantity: number;
  reasonDefinitionId: string;
  customerNote?: string | null;
}

/** What Shopify says may still be returned (getReturnableItems). */
export interface ShopifyReturnableItem {
  fulfillmentLineItemId: string;
  lineItemId: string;
  quantity: number;
}

export interface ReturnRequestProblem {
  key: MessageKey;
  vars: Record<string, string | number>;
  lineItemId?: string;
}

/** Lines as `requestReturn` takes them. */
export interface AllowedReturnLine {
  fulfillmentLineItemId: string;
  lineItemId: string;
  quantity: number;
  reasonDefinitionId: string;
  customerNote: string | null;
}

export type ReturnRequestVerdict = { ok: true; lines: AllowedReturnLine[] } | { ok: false; problems: ReturnRequestProblem[] };

export interface ReturnRequestContext {
  /** The order as Aftercare synced it (check.server.ts `returnableOrderFrom`). */
  order: ReturnableOrder;
  /** Titles of the order's lines, by line item id, for the messages. */
  titles: Readonly<Record<string, string>>;
  rules: ReturnRules;
  returnable: readonly ShopifyReturnableItem[];
  now: Date;
}

const REASON_KEYS: Record<string, MessageKey> = {
  order_cancelled: "returns.request.refused.orderCancelled",
  refunded: "returns.request.refused.refunded",
  final_sale: "returns.request.refused.finalSale",
  already_returned: "returns.request.refused.alreadyReturned",
  not_fulfilled: "returns.request.refused.notFulfilled",
  window_closed: "returns.request.refused.windowClosed",
};

/** Adds up repeated lines of one item, keeping the first reason and note. */
function merged(asked: readonly AskedReturnLine[]): AskedReturnLine[] {
  const byLine = new Map<string, AskedReturnLine>();
  for (const line of asked) {
    const seen = byLine.get(line.lineItemId);
    if (seen) seen.quantity += line.quantity;
    else byLine.set(line.lineItemId, { ...line });
  }
  return [...byLine.values()];
}

export function checkReturnRequest(context: ReturnRequestContext, asked: readonly AskedReturnLine[]): ReturnRequestVerdict {
  if (asked.length === 0) return { ok: false, problems: [{ key: "returns.request.refused.empty", vars: {} }] };
  if (context.order.cancelledAt) return { ok: false, problems: [{ key: "returns.request.refused.orderCancelled", vars: {} }] };

  const verdicts = new Map(evaluateReturnEligibility(context.order, context.rules, context.now).map((verdict) => [verdict.lineId, verdict]));
  const orderLines = new Map(context.order.lines.map((line) => [line.id, line]));
  const problems: ReturnRequestProblem[] = [];
  const allowed: AllowedReturnLine[] = [];

  for (const line of merged(asked)) {
    const title = context.titles[line.lineItemId] ?? line.lineItemId;
    const refuse = (key: MessageKey, vars: Record<string, string | number> = {}) => problems.push({ key, vars: { title, ...vars }, lineItemId: line.lineItemId });
    const orderLine = orderLines.get(line.lineItemId);
    const verdict = verdicts.get(line.lineItemId);
    if (!orderLine || !verdict) {
      refuse("returns.request.refused.unknownItem");
      continue;
    }
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      refuse("returns.request.refused.quantity");
      continue;
    }
    if (!verdict.eligible) {
      refuse(REASON_KEYS[verdict.reason], verdict.lastDay ? { lastDay: verdict.lastDay } : {});
      continue;
    }
    if (line.quantity > orderLine.quantity) {
      refuse("returns.request.refused.tooMany", { max: orderLine.quantity });
      continue;
    }
    const items = context.returnable.filter((item) => item.lineItemId === line.lineItemId && item.quantity > 0);
    const returnable = Math.min(verdict.returnableQuantity, items.reduce((sum, item) => sum + item.quantity, 0));
    if (returnable === 0) {
      refuse("returns.request.refused.alreadyReturned");
      continue;
    }
    if (line.quantity > returnable) {
      refuse("returns.request.refused.tooMany", { max: returnable });
      continue;
    }
    const note = line.customerNote?.trim() || null;
    if (note && note.length > MAX_CUSTOMER_NOTE_LENGTH) {
      refuse("returns.request.refused.noteTooLong");
      continue;
    }
    let left = line.quantity;
    for (const item of items) {
      if (left === 0) break;
      const take = Math.min(left, item.quantity);
      allowed.push({ fulfillmentLineItemId: item.fulfillmentLineItemId, lineItemId: line.lineItemId, quantity: take, reasonDefinitionId: line.reasonDefinitionId, customerNote: note });
      left -= take;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, lines: allowed };
}

const normalizedEmail = (value: string) => value.trim().toLowerCase();

/** Compares every character whatever the first difference, so the time taken tells nothing. */
function sameText(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    difference |= (a.charCodeAt(index) || 0) ^ (b.charCodeAt(index) || 0);
  }
  return difference === 0;
}

/**
 * True when the shopper asking is the order's owner: the logged-in customer who placed it (numeric id
 * or GID), or someone who gave the email it was placed with (compared in constant time).
 */
export function isOrderOwner(
  order: { customerId: string | null; email: string | null },
  shopper: { loggedInCustomerId?: string | null; email?: string | null },
): boolean {
  if (shopper.loggedInCustomerId && order.customerId) {
    const numeric = shopper.loggedInCustomerId.replace(/^gid:\/\/shopify\/Customer\//, "");
    if (order.customerId === `gid://shopify/Customer/${numeric}`) return true;
  }
  if (!shopper.email || !order.email) return false;
  return sameText(normalizedEmail(shopper.email), normalizedEmail(order.email));
}
