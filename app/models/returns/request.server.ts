/**
 * The shopper's return request, from the storefront's order return check (app proxy) and from the
 * customer account's "Request a return" action. Both doors go through here:
 *
 *   findShopperOrder(shop, { orderNumber | orderId }, shopper)   the order, only when it is the
 *                                                                 shopper's (else null: the storefront
 *                                                                 answers as if it did not exist)
 *   getReturnRequestOptions(graphql, shop, order, language, now)  what may be returned and why not,
 *                                                                 with Shopify's return reasons
 *   submitReturnRequest(graphql, shop, order, asked, options)     Aftercare's rules first
 *                                                                 (request-eligibility.ts), then
 *                                                                 Shopify's `returnRequest`, then the
 *                                                                 copy (returns.server.ts), which
 *                                                                 queues the "request received" email
 *
 * An optional photo (already checked by its bytes, reviews/photo.server.ts) is stored with the copy
 * (return-photo.server.ts). A refused request sends nothing to Shopify. Every message is in the shopper's language
 * (`returns.request.*`, en + id).
 */
import type { Prisma } from "@prisma/client";
import prisma from "../../db.server";
import type { EmailLanguage } from "../../email/language";
import { formatDate } from "../../email/templates";
import { createTranslator, type MessageKey, type Translate } from "../../i18n/messages";
import type { AdminGraphql } from "../../shopify/admin-graphql";
import { orderNameCandidates, returnableOrderFrom } from "./check.server";
import { checkReturnRequest, isOrderOwner, type AskedReturnLine, type ReturnRequestProblem } from "./request-eligibility";
import type { PhotoContentType } from "../reviews/photo";
import { saveReturnPhoto } from "./return-photo.server";
import { recordShopifyReturn, type ReturnCopy, type ReturnSource } from "./returns.server";
import { queueReturnRequested } from "../flow/events.server";
import { getReturnSettings, type ReturnSettings } from "./settings.server";
import { getReturnableItems, listReturnReasons, requestReturn, type ReturnReasonOption } from "./shopify-returns.server";
import { evaluateReturnEligibility, type ReturnReason } from "./window";

type StoredOrder = Prisma.OrderGetPayload<object>;
type StoredLine = Prisma.OrderLineItemGetPayload<object>;
type StoredParcel = Prisma.OrderFulfillmentGetPayload<object>;

/** An order proven to be the shopper's, with what the rules need. */
export interface ShopperOrder {
  order: StoredOrder;
  lines: StoredLine[];
  parcels: StoredParcel[];
  settings: ReturnSettings;
}

export interface Shopper {
  /** A signed claim: the app proxy's logged_in_customer_id or the customer account token's `sub`. */
  loggedInCustomerId?: string | null;
  /** What the shopper typed on the storefront (never trusted alone for a logged-in claim). */
  email?: string | null;
}

/** An order id no order has, so a miss runs the queries a hit runs. */
const NO_ORDER = "gid://shopify/Order/0";

/**
 * The order when it is the shopper's and the shop has return rules; null otherwise (unknown order,
 * someone else's, no rules), through the same queries whichever it is.
 */
export async function findShopperOrder(
  shop: string,
  ref: { orderNumber: string } | { orderId: string },
  shopper: Shopper,
): Promise<ShopperOrder | null> {
  const settings = await getReturnSettings(shop);
  const order =
    "orderId" in ref
      ? await prisma.order.findUnique({ where: { shop_id: { shop, id: ref.orderId } } })
      : await prisma.order.findFirst({ where: { shop, name: { in: orderNameCandidates(ref.orderNumber) } } });
  const orderId = order?.id ?? NO_ORDER;
  const [contact, lines, parcels] = await Promise.all([
    prisma.orderContact.findUnique({ where: { shop_orderId: { shop, orderId } } }),
    prisma.orderLineItem.findMany({ where: { shop, orderId }, orderBy: { id: "asc" } }),
    prisma.orderFulfillment.findMany({ where: { shop, orderId } }),
  ]);
  const owner = isOrderOwner({ customerId: order?.customerId ?? null, email: contact?.email ?? "" }, shopper);
  if (!order || !settings || !owner) return null;
  return { order, lines, parcels, settings };
}

export const translatorIn = (language: EmailLanguage): Translate => createTranslator({ language, tag: language });

const ELIGIBILITY_KEYS: Record<Exclude<ReturnReason, "within_window">, MessageKey> = {
  order_cancelled: "returns.request.refused.orderCancelled",
  refunded: "returns.request.refused.refunded",
  final_sale: "returns.request.refused.finalSale",
  already_returned: "returns.request.refused.alreadyReturned",
  not_fulfilled: "returns.request.refused.notFulfilled",
  window_closed: "returns.request.refused.windowClosed",
};

/** Shopify's standard reasons in the shopper's language; a shop's own reasons keep their name. */
const REASON_NAME_KEYS: Record<string, MessageKey> = {
  color: "returns.request.reasons.color",
  defective: "returns.request.reasons.defective",
  "not-as-described": "returns.request.reasons.notAsDescribed",
  "size-too-large": "returns.request.reasons.sizeTooLarge",
  "size-too-small": "returns.request.reasons.sizeTooSmall",
  style: "returns.request.reasons.style",
  unwanted: "returns.request.reasons.unwanted",
  "wrong-item": "returns.request.reasons.wrongItem",
  other: "returns.request.reasons.otherReason",
};

/** A refusal's message, with its date in the shopper's language. */
export function problemMessage(problem: ReturnRequestProblem, t: Translate, language: EmailLanguage): string {
  const vars = { ...problem.vars };
  if (typeof vars.lastDay === "string") vars.lastDay = formatDate(vars.lastDay, language);
  return t(problem.key, vars);
}

export interface ReturnOptionItem {
  lineItemId: string;
  title: string;
  /** Units that may be put in this return now (0 when not). */
  maxQuantity: number;
  /** Why the item cannot be returned, in the shopper's language; null when it can. */
  refusal: string | null;
}

export interface ReturnRequestOptions {
  orderName: string;
  items: ReturnOptionItem[];
  reasons: Array<{ id: string; name: string }>;
}

function reasonsFor(reasons: readonly ReturnReasonOption[], t: Translate) {
  return reasons
    .filter((reason) => reason.handle !== "unknown")
    .map((reason) => ({ id: reason.id, name: REASON_NAME_KEYS[reason.handle] ? t(REASON_NAME_KEYS[reason.handle]) : reason.name }));
}

function returnableOrder(found: ShopperOrder) {
  return returnableOrderFrom(found.order, found.lines, found.parcels, found.settings.timeZone, found.settings.finalSaleProducts);
}

/** Every item of the order with how many may be returned now (Aftercare's rules and Shopify's count). */
export async function getReturnRequestOptions(
  graphql: AdminGraphql,
  found: ShopperOrder,
  language: EmailLanguage,
  now = new Date(),
): Promise<ReturnRequestOptions> {
  const t = translatorIn(language);
  const [returnable, reasons] = await Promise.all([getReturnableItems(graphql, found.order.id), listReturnReasons(graphql)]);
  const verdicts = evaluateReturnEligibility(returnableOrder(found), found.settings.rules, now);
  const items = found.lines.map((line, index): ReturnOptionItem => {
    const verdict = verdicts[index];
    const shopifyLeft = returnable.filter((item) => item.lineItemId === line.id).reduce((sum, item) => sum + item.quantity, 0);
    const maxQuantity = verdict.eligible ? Math.min(verdict.returnableQuantity, shopifyLeft, line.quantity) : 0;
    let refusal: string | null = null;
    if (!verdict.eligible) {
      refusal = problemMessage({ key: ELIGIBILITY_KEYS[verdict.reason as Exclude<ReturnReason, "within_window">], vars: { title: line.title, ...(verdict.lastDay ? { lastDay: verdict.lastDay } : {}) } }, t, language);
    } else if (maxQuantity === 0) {
      refusal = t("returns.request.refused.alreadyReturned", { title: line.title });
    }
    return { lineItemId: line.id, title: line.title, maxQuantity, refusal };
  });
  return { orderName: found.order.name, items, reasons: reasonsFor(reasons, t) };
}

export type SubmitOutcome =
  | { ok: true; copy: ReturnCopy }
  | { ok: false; status: 422; problems: Array<{ message: string; lineItemId?: string }> };

/**
 * Aftercare's rules decide; only an allowed request reaches Shopify (`returnRequest`). The reason must
 * be one of Shopify's return reasons (checked against the shop's library before anything is sent).
 */
export async function submitReturnRequest(
  graphql: AdminGraphql,
  shop: string,
  found: ShopperOrder,
  asked: readonly AskedReturnLine[],
  options: { source: ReturnSource; language: EmailLanguage; now?: Date; photo?: { bytes: Uint8Array; contentType: PhotoContentType } | null },
): Promise<SubmitOutcome> {
  const t = translatorIn(options.language);
  const now = options.now ?? new Date();
  const refuse = (problems: ReturnRequestProblem[]): SubmitOutcome => ({
    ok: false,
    status: 422,
    problems: problems.map((problem) => ({ message: problemMessage(problem, t, options.language), ...(problem.lineItemId ? { lineItemId: problem.lineItemId } : {}) })),
  });

  const titles = Object.fromEntries(found.lines.map((line) => [line.id, line.title]));
  const reasons = await listReturnReasons(graphql);
  const unknownReason = asked.find((line) => !reasons.some((reason) => reason.id === line.reasonDefinitionId));
  if (unknownReason) {
    return refuse([{ key: "returns.request.refused.reason", vars: { title: titles[unknownReason.lineItemId] ?? "" }, lineItemId: unknownReason.lineItemId }]);
  }
  const returnable = await getReturnableItems(graphql, found.order.id);
  const verdict = checkReturnRequest({ order: returnableOrder(found), titles, rules: found.settings.rules, returnable, now }, asked);
  if (!verdict.ok) return refuse(verdict.problems);

  const result = await requestReturn(graphql, { orderId: found.order.id, lines: verdict.lines });
  if (!result.ok) {
    console.warn(`[returns] Shopify refused a return request for ${found.order.id} of ${shop}: ${result.errors.map((error) => error.message).join("; ")}`);
    return { ok: false, status: 422, problems: [{ message: t("returns.request.refused.shopify") }] };
  }
  const productIds = Object.fromEntries(found.lines.filter((line) => line.productId).map((line) => [line.id, line.productId!]));
  const copy = await recordShopifyReturn(shop, result.return, { source: options.source, customerId: found.order.customerId, productIds });
  await queueReturnRequested(shop, copy, now);
  if (options.photo) {
    const saved = await saveReturnPhoto(shop, copy.id, options.photo, now);
    return { ok: true, copy: { ...copy, photoRef: saved.photoRef } };
  }
  return { ok: true, copy };
}
