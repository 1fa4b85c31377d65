/**
 * The merchant's Returns queue (Admin -> Returns): the list, one return with the rule that applied to
 * each item, the insight over a period, and the merchant's actions on a return. Every action goes to
 * Shopify's Returns API (shopify-returns.server.ts) and, once Shopify said yes, Aftercare's copy is
 * recorded from Shopify's answer (returns.server.ts, which also queues the shopper's email of the step).
 *
 *   listReturnQueue(shop, { status? })                 the queue, newest request first
 *   getReturnDetail(shop, graphql, returnId)           Shopify's return, Aftercare's copy, rules per line
 *   returnDetailView(detail)                           that, as the return's page shows it
 *   getReturnsInsight(shop, { days, now })             returns-insight.ts over the copies and synced orders
 *   parseReturnAction(form, t)                         the posted form -> a ReturnAction or field errors
 *   runReturnAction(shop, graphql, returnId, action, t) Shopify's mutation, then the copy
 */
import { z } from "zod";
import prisma from "../../db.server";
import type { Translate } from "../../i18n";
import { parseIn } from "../../i18n/zod-messages";
import type { AdminGraphql } from "../../shopify/admin-graphql";
import { returnableOrderFrom } from "./check.server";
import { returnPhotoIdOf, returnPhotoUrl } from "./return-photo.server";
import { computeReturnsInsight, type ReturnsInsight } from "./returns-insight";
import { getReturnCopy, listReturnCopies, recordShopifyReturn, type ReturnCopy } from "./returns.server";
import { getReturnSettings } from "./settings.server";
import {
  RETURN_DECLINE_REASONS,
  addReturnLabel,
  approveReturn,
  closeReturn,
  declineReturn,
  getReturn,
  processReturn,
  refundableValue,
  type ReturnMutationResult,
  type ShopifyExchangeLine,
  type ShopifyReturn,
} from "./shopify-returns.server";
import { RETURN_STATUSES, type ReturnCopyStatus } from "./webhook";
import { evaluateReturnEligibility, type ReturnReason, type WindowStartBasis } from "./window";

// ---- Ids in the admin's URLs ----

const RETURN_GID = /^gid:\/\/shopify\/Return\/(\d+)$/;

/** /app/returns/123 names gid://shopify/Return/123. */
export const returnIdFromParam = (param: string | undefined): string | null =>
  param && /^\d{1,20}$/.test(param) ? `gid://shopify/Return/${param}` : null;
export const returnParamOf = (gid: string): string => RETURN_GID.exec(gid)?.[1] ?? encodeURIComponent(gid);

export const isReturnStatus = (value: string | null): value is ReturnCopyStatus =>
  (RETURN_STATUSES as readonly (string | null)[]).includes(value);

// ---- The queue ----

export interface QueueRow {
  param: string;
  shopifyReturnId: string;
  name: string | null;
  orderName: string | null;
  status: string;
  source: string;
  requestedAt: string;
  units: number;
  items: Array<{ title: string | null; quantity: number; reason: string | null; reasonName: string | null }>;
  hasPhoto: boolean;
  refund: { amount: string; currency: string } | null;
}

const rowOf = (copy: ReturnCopy): QueueRow => ({
  param: returnParamOf(copy.shopifyReturnId),
  shopifyReturnId: copy.shopifyReturnId,
  name: copy.name,
  orderName: copy.orderName,
  status: copy.status,
  source: copy.source,
  requestedAt: copy.requestedAt.toISOString(),
  units: copy.lines.reduce((sum, line) => sum + line.quantity, 0),
  items: copy.lines.map((line) => ({ title: line.title, quantity: line.quantity, reason: line.reason, reasonName: line.reasonName })),
  hasPhoto: !!copy.photoRef,
  refund: copy.refundAmount && copy.refundCurrency ? { amount: copy.refundAmount, currency: copy.refundCurrency } : null,
});

/** Returns per page of the queue. */
export const QUEUE_PAGE_SIZE = 50;

export interface QueuePage {
  rows: QueueRow[];
  /** 1-based. */
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

/** `?page=`: a whole number from 1; anything else is the first page. */
export function parseQueuePage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

/** One page of the queue, newest request first; one row more than a page tells whether another follows. */
export async function listReturnQueue(shop: string, filter: { status?: ReturnCopyStatus; page?: number } = {}): Promise<QueuePage> {
  const page = filter.page ?? 1;
  const copies = await listReturnCopies(shop, { status: filter.status, take: QUEUE_PAGE_SIZE + 1, skip: (page - 1) * QUEUE_PAGE_SIZE });
  return { rows: copies.slice(0, QUEUE_PAGE_SIZE).map(rowOf), page, hasPrevious: page > 1, hasNext: copies.length > QUEUE_PAGE_SIZE };
}

// ---- One return ----

/**
 * The shop's return rules (as saved now) applied to one item at the time the return was requested:
 * within the window or not, until when, counted from what. Aftercare does not keep old versions of
 * the rules, so a rule changed since the request is shown as it reads today.
 */
export interface LineRule {
  eligible: boolean;
  reason: ReturnReason;
  /** Last day to start a return, YYYY-MM-DD in the shop's time zone. */
  lastDay: string | null;
  windowDays: number | null;
  windowStart: WindowStartBasis | null;
  holidayExtended: boolean;
}

export interface ReturnDetail {
  shopify: ShopifyReturn;
  copy: ReturnCopy | null;
  /** By Shopify line item id; empty when the shop has no saved rules or the order is not synced. */
  rules: Record<string, LineRule>;
  /** What a refund of every unit not processed yet comes to, less the exchange items (the form's default amount). */
  refundable: { amount: string; currencyCode: string } | null;
}

async function rulesAtRequest(shop: string, orderId: string, requestedAt: Date): Promise<Record<string, LineRule>> {
  const [settings, order] = await Promise.all([getReturnSettings(shop), prisma.order.findUnique({ where: { shop_id: { shop, id: orderId } } })]);
  if (!settings || !order) return {};
  const [lines, parcels] = await Promise.all([
    prisma.orderLineItem.findMany({ where: { shop, orderId }, orderBy: { id: "asc" } }),
    prisma.orderFulfillment.findMany({ where: { shop, orderId } }),
  ]);
  const verdicts = evaluateReturnEligibility(returnableOrderFrom(order, lines, parcels, settings.timeZone, settings.finalSaleProducts), settings.rules, requestedAt);
  return Object.fromEntries(
    verdicts.map((verdict) => [
      verdict.lineId,
      {
        eligible: verdict.eligible,
        reason: verdict.reason,
        lastDay: verdict.lastDay ?? null,
        windowDays: verdict.windowDays ?? null,
        windowStart: verdict.windowStart ?? null,
        holidayExtended: verdict.holidayExtended ?? false,
      },
    ]),
  );
}

/** Units of each line not processed yet: what "Mark received" processes unless the merchant says less. */
export const unprocessedLines = (entry: ShopifyReturn) =>
  entry.lines.filter((line) => line.quantity - line.processedQuantity > 0).map((line) => ({ returnLineItemId: line.id, quantity: line.quantity - line.processedQuantity }));

/** Exchange items not processed yet: what "Mark received" processes with the units unless the merchant says less. */
export const unprocessedExchanges = (entry: ShopifyReturn) =>
  entry.exchangeLines.filter((line) => line.processableQuantity > 0).map((line) => ({ exchangeLineItemId: line.id, quantity: line.processableQuantity }));

export async function getReturnDetail(shop: string, graphql: AdminGraphql, returnId: string): Promise<ReturnDetail | null> {
  const shopify = await getReturn(graphql, returnId);
  if (!shopify) return null;
  const copy = await getReturnCopy(shop, returnId);
  const requestedAt = copy?.requestedAt ?? new Date(shopify.createdAt);
  return {
    shopify,
    copy,
    rules: await rulesAtRequest(shop, shopify.orderId, requestedAt),
    refundable: refundableValue(shopify, unprocessedLines(shopify), unprocessedExchanges(shopify)),
  };
}

// ---- Insight ----

const DAY = 86_400_000;
const ORDER_CHUNK = 500;

/** Units sold per product in orders placed since `since` (cancelled orders left out). */
async function unitsSold(shop: string, since: Date, until: Date): Promise<Array<{ productId: string; units: number }>> {
  const orders = await prisma.order.findMany({ where: { shop, createdAt: { gte: since, lte: until }, cancelledAt: null }, select: { id: true } });
  const totals = new Map<string, number>();
  for (let start = 0; start < orders.length; start += ORDER_CHUNK) {
    const ids = orders.slice(start, start + ORDER_CHUNK).map((order) => order.id);
    const groups = await prisma.orderLineItem.groupBy({
      by: ["productId"],
      where: { shop, orderId: { in: ids }, productId: { not: null } },
      _sum: { quantity: true },
    });
    for (const group of groups) totals.set(group.productId!, (totals.get(group.productId!) ?? 0) + (group._sum.quantity ?? 0));
  }
  return [...totals.entries()].map(([productId, units]) => ({ productId, units }));
}

export async function getReturnsInsight(shop: string, options: { days: number; now?: Date }): Promise<ReturnsInsight & { since: string }> {
  const until = options.now ?? new Date();
  const since = new Date(until.getTime() - options.days * DAY);
  const [returns, sold] = await Promise.all([
    prisma.returnRequest.findMany({
      where: { shop, requestedAt: { gte: since, lte: until } },
      select: { status: true, requestedAt: true, refundedAt: true, lines: { select: { productId: true, title: true, quantity: true, reason: true, reasonName: true } } },
    }),
    unitsSold(shop, since, until),
  ]);
  return { ...computeReturnsInsight(returns, sold), since: since.toISOString() };
}

// ---- Actions ----

export const REFUND_CHOICES = ["original_payment", "store_credit", "none"] as const;
export const DECLINE_NOTE_MAX = 500;
const TEXT_MAX = 255;

const checkbox = z.preprocess((value) => value === "on" || value === "true", z.boolean());
const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value), z.string().max(max).optional());
const optionalUrl = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value),
  z.string().max(2048).url().refine((url) => /^https?:\/\//i.test(url)).optional(),
);

const quantityRecord = (t: Translate) =>
  z.record(z.coerce.number({ invalid_type_error: t("returns.queue.errors.quantity") }).int(t("returns.queue.errors.quantity")).min(0, t("returns.queue.errors.quantity")));

function actionSchemaFor(t: Translate) {
  const amount = z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim().replace(",", ".") : value),
    z
      .string()
      .regex(/^\d{1,9}(\.\d{1,2})?$/, t("returns.queue.errors.amount"))
      .refine((value) => Number(value) > 0, t("returns.queue.errors.amount"))
      .optional(),
  );
  return z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("approve"), notifyCustomer: checkbox }),
      z.object({
        intent: z.literal("decline"),
        reason: z.enum(RETURN_DECLINE_REASONS as [string, ...string[]], { errorMap: () => ({ message: t("returns.queue.errors.declineReason") }) }),
        note: optionalText(DECLINE_NOTE_MAX),
        notifyCustomer: checkbox,
      }),
      z.object({ intent: z.literal("label"), labelUrl: optionalUrl, trackingNumber: optionalText(TEXT_MAX), trackingUrl: optionalUrl, notifyCustomer: checkbox }),
      z.object({
        intent: z.literal("process"),
        refund: z.enum(REFUND_CHOICES, { errorMap: () => ({ message: t("returns.queue.errors.refundMethod") }) }),
        amount,
        note: optionalText(TEXT_MAX),
        notifyCustomer: checkbox,
        quantities: quantityRecord(t),
        exchanges: quantityRecord(t),
      }),
      z.object({ intent: z.literal("close") }),
    ],
    { errorMap: () => ({ message: t("returns.queue.errors.intent") }) },
  );
}

export type ReturnAction = z.output<ReturnType<typeof actionSchemaFor>>;
export type ReturnIntent = ReturnAction["intent"];

/**
 * Reads the posted form: `quantity:<ReturnLineItem id>` fields become `quantities`, and
 * `exchange:<ExchangeLineItem id>` fields (the exchange items to process with them) `exchanges`.
 */
export function parseReturnAction(form: FormData, t: Translate): { ok: true; action: ReturnAction } | { ok: false; errors: Record<string, string> } {
  const fields: Record<string, unknown> = {};
  const quantities: Record<string, string> = {};
  const exchanges: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    if (name.startsWith("quantity:")) quantities[name.slice("quantity:".length)] = value;
    else if (name.startsWith("exchange:")) exchanges[name.slice("exchange:".length)] = value;
    else fields[name] = value;
  }
  if (fields.intent === "process") {
    fields.quantities = quantities;
    fields.exchanges = exchanges;
  }
  const parsed = parseIn(actionSchemaFor(t), fields, t);
  if (parsed.success) {
    const action = parsed.data;
    if (action.intent === "label" && !action.labelUrl && !action.trackingNumber && !action.trackingUrl) {
      return { ok: false, errors: { labelUrl: t("returns.queue.errors.labelEmpty") } };
    }
    return { ok: true, action };
  }
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[issue.path.length > 0 ? issue.path.join(".") : "form"] ??= issue.message;
  return { ok: false, errors };
}

type Mutation = ReturnMutationResult<{ return: ShopifyReturn }>;
type Invalid = { ok: false; errors: []; invalid: Record<string, string> };

/** Shopify's mutation for the action, or the field errors that keep it from being sent. */
async function mutate(graphql: AdminGraphql, returnId: string, action: ReturnAction, t: Translate): Promise<Mutation | Invalid> {
  switch (action.intent) {
    case "approve":
      return approveReturn(graphql, returnId, { notifyCustomer: action.notifyCustomer });
    case "decline":
      return declineReturn(graphql, returnId, {
        reason: action.reason as (typeof RETURN_DECLINE_REASONS)[number],
        note: action.note ?? null,
        notifyCustomer: action.notifyCustomer,
      });
    case "label":
      return addReturnLabel(graphql, returnId, {
        labelUrl: action.labelUrl ?? null,
        trackingNumber: action.trackingNumber ?? null,
        trackingUrl: action.trackingUrl ?? null,
        notifyCustomer: action.notifyCustomer,
      });
    case "process": {
      const lines = Object.entries(action.quantities)
        .filter(([, quantity]) => quantity > 0)
        .map(([returnLineItemId, quantity]) => ({ returnLineItemId, quantity }));
      const exchangeLines = Object.entries(action.exchanges)
        .filter(([, quantity]) => quantity > 0)
        .map(([exchangeLineItemId, quantity]) => ({ exchangeLineItemId, quantity }));
      if (lines.length === 0 && exchangeLines.length === 0) return { ok: false, errors: [], invalid: { quantities: t("returns.queue.errors.nothingToProcess") } };
      if (action.refund === "none") {
        return processReturn(graphql, { returnId, lines, exchangeLines, refund: null, note: action.note ?? null, notifyCustomer: action.notifyCustomer });
      }
      const current = await getReturn(graphql, returnId);
      if (!current) return { ok: false, errors: [], invalid: { form: t("returns.queue.errors.gone") } };
      const value = refundableValue(current, lines, exchangeLines);
      const amount = action.amount ?? value?.amount;
      if (!amount || !value || Number(amount) <= 0) return { ok: false, errors: [], invalid: { amount: t("returns.queue.errors.amount") } };
      return processReturn(graphql, {
        returnId,
        lines,
        exchangeLines,
        refund: { method: action.refund, amount: { amount, currencyCode: value.currencyCode } },
        note: action.note ?? null,
        notifyCustomer: action.notifyCustomer,
      });
    }
    case "close":
      return closeReturn(graphql, returnId);
  }
}

export type ReturnActionOutcome = ReturnMutationResult<{ return: ShopifyReturn; copy: ReturnCopy }> | Invalid;

/** The synced products of the return's items, so a return first seen here still counts by product. */
async function productIdsOf(shop: string, entry: ShopifyReturn): Promise<Record<string, string>> {
  const ids = entry.lines.map((line) => line.lineItemId).filter((id): id is string => !!id);
  if (ids.length === 0) return {};
  const lines = await prisma.orderLineItem.findMany({ where: { shop, id: { in: ids } }, select: { id: true, productId: true } });
  return Object.fromEntries(lines.flatMap((line) => (line.productId ? [[line.id, line.productId]] : [])));
}

/** Shopify's mutation for the action; once Shopify said yes, Aftercare's copy follows its answer. */
export async function runReturnAction(shop: string, graphql: AdminGraphql, returnId: string, action: ReturnAction, t: Translate): Promise<ReturnActionOutcome> {
  const result = await mutate(graphql, returnId, action, t);
  if (!result.ok) return result;
  const refundMethod = action.intent === "process" && action.refund !== "none" ? action.refund : null;
  const copy = await recordShopifyReturn(shop, result.return, { ...(refundMethod ? { refundMethod } : {}), productIds: await productIdsOf(shop, result.return) });
  return { ok: true, return: result.return, copy };
}

// ---- The detail page's data ----

export interface ReturnDetailView {
  param: string;
  id: string;
  name: string;
  status: ShopifyReturn["status"];
  orderId: string;
  orderName: string;
  requestedAt: string;
  source: string | null;
  photoRef: string | null;
  /** The admin route serving the shopper's photo when Aftercare stored it (else null). */
  photoUrl: string | null;
  lines: Array<{
    id: string;
    title: string | null;
    quantity: number;
    processedQuantity: number;
    reason: { handle: string; name: string } | null;
    customerNote: string | null;
    rule: LineRule | null;
  }>;
  /** What the shopper gets instead (a return with an exchange, made in Shopify's admin). */
  exchanges: Array<Omit<ShopifyExchangeLine, "variantId" | "unitPrice">>;
  decline: ShopifyReturn["decline"];
  deliveries: Array<{ labelUrl: string | null; trackingNumber: string | null; trackingUrl: string | null; carrierName: string | null }>;
  refunds: Array<{ amount: string; currencyCode: string; createdAt: string | null }>;
  refundMethod: string | null;
  steps: Array<{ step: "requested" | "approved" | "declined" | "refunded" | "closed" | "canceled"; at: string }>;
  refundable: { amount: string; currencyCode: string } | null;
}

function storedPhotoUrl(photoRef: string | null | undefined): string | null {
  const id = returnPhotoIdOf(photoRef);
  return id ? returnPhotoUrl(id) : null;
}

/** One return as the page shows it: Shopify's truth, with what only Aftercare knows (source, photo, rule, times). */
export function returnDetailView(detail: ReturnDetail): ReturnDetailView {
  const { shopify, copy } = detail;
  const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;
  const requestedAt = iso(copy?.requestedAt) ?? shopify.createdAt;
  const times = {
    requested: requestedAt,
    approved: iso(copy?.approvedAt) ?? shopify.requestApprovedAt,
    declined: iso(copy?.declinedAt),
    refunded: iso(copy?.refundedAt) ?? shopify.refunds.map((refund) => refund.createdAt).filter((at): at is string => !!at).sort()[0] ?? null,
    closed: iso(copy?.closedAt) ?? shopify.closedAt,
    canceled: iso(copy?.canceledAt),
  };
  return {
    param: returnParamOf(shopify.id),
    id: shopify.id,
    name: shopify.name,
    status: shopify.status,
    orderId: shopify.orderId,
    orderName: shopify.orderName,
    requestedAt,
    source: copy?.source ?? null,
    photoRef: copy?.photoRef ?? null,
    photoUrl: storedPhotoUrl(copy?.photoRef),
    lines: shopify.lines.map((line) => ({
      id: line.id,
      title: line.title,
      quantity: line.quantity,
      processedQuantity: line.processedQuantity,
      reason: line.reason ? { handle: line.reason.handle, name: line.reason.name } : null,
      customerNote: line.customerNote,
      rule: (line.lineItemId && detail.rules[line.lineItemId]) || null,
    })),
    exchanges: shopify.exchangeLines.map(({ variantId: _variantId, unitPrice: _unitPrice, ...shown }) => shown),
    decline: shopify.decline,
    deliveries: shopify.reverseFulfillmentOrders.flatMap((rfo) => rfo.deliveries).map(({ labelUrl, trackingNumber, trackingUrl, carrierName }) => ({ labelUrl, trackingNumber, trackingUrl, carrierName })),
    refunds: shopify.refunds.map((refund) => ({ amount: refund.total.amount, currencyCode: refund.total.currencyCode, createdAt: refund.createdAt })),
    refundMethod: copy?.refundMethod ?? null,
    steps: (Object.entries(times) as Array<[ReturnDetailView["steps"][number]["step"], string | null]>)
      .filter((entry): entry is [ReturnDetailView["steps"][number]["step"], string] => !!entry[1])
      .map(([step, at]) => ({ step, at }))
      .sort((a, b) => a.at.localeCompare(b.at)),
    refundable: detail.refundable,
  };
}
