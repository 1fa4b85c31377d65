/**
 * Aftercare's copy of the shop's Shopify returns (`ReturnRequest`, `ReturnRequestLine`): what the
 * merchant's queue lists, what the order status surfaces show, what the emails are sent from and what
 * the insight counts (times of request, approval, decline, refund, close). Shopify holds the return;
 * this copy follows it, recorded idempotently from two sides:
 *
 *   recordShopifyReturn(shop, shopifyReturn, details?)   after the app's own mutation
 *                                                        (shopify-returns.server.ts answers the return
 *                                                        as Shopify reads it afterwards); a repeat
 *                                                        changes nothing
 *   applyReturnWebhook(tx, shop, topic, change, at)      from returns/* webhooks (routes
 *                                                        webhooks.returns.*.tsx, inside the webhook
 *                                                        receipt's transaction); a status never moves
 *                                                        back, so late deliveries change nothing
 * Either way, a change queues the shopper's email for that step (return-emails.server.ts), once.
 * Reads for the pages:
 *   getReturnCopy(shop, shopifyReturnId)                 one return with its lines
 *   listReturnCopies(shop, { status?, take? })           the queue, newest request first
 * Privacy (app/models/shop/privacy.server.ts):
 *   redactCustomerReturns(tx, shop, customerId, orderIds)  the shopper's notes, photo and decline note go
 *   deleteShopReturns(tx, shop)                            shop/redact
 */
import type { Prisma } from "@prisma/client";
import prisma from "../../db.server";
import type { ShopifyReturn } from "./shopify-returns.server";
import { queueReturnEmails } from "./return-emails.server";
import { statusMayMove, type ReturnCopyStatus, type ReturnWebhookChange } from "./webhook";

export type ReturnSource = "storefront" | "customer_account" | "admin" | "shopify";

export type ReturnCopy = Prisma.ReturnRequestGetPayload<{ include: { lines: true } }>;

type Db = Prisma.TransactionClient | typeof prisma;

/** What only Aftercare knows about a return: who asked, through which door, with what. */
export interface ReturnDetails {
  source?: ReturnSource;
  customerId?: string | null;
  photoRef?: string | null;
  /** How the refund was made, when the app processed it. */
  refundMethod?: "original_payment" | "store_credit" | null;
  /** Product ids by line item id, for the insight by product. */
  productIds?: Readonly<Record<string, string>>;
}

const lower = (status: string) => status.toLowerCase() as ReturnCopyStatus;
const date = (value: string | null | undefined) => (value ? new Date(value) : null);

function refundOf(entry: ShopifyReturn): { amount: string; currency: string; at: Date } | null {
  if (entry.refunds.length === 0) return null;
  const cents = entry.refunds.reduce((sum, refund) => sum + Math.round(Number(refund.total.amount) * 100), 0);
  const first = entry.refunds.map((refund) => refund.createdAt).filter((at): at is string => !!at).sort()[0];
  return { amount: (cents / 100).toFixed(2), currency: entry.refunds[0].total.currencyCode, at: first ? new Date(first) : new Date() };
}

function deliveryOf(entry: ShopifyReturn) {
  const deliveries = entry.reverseFulfillmentOrders.flatMap((rfo) => rfo.deliveries);
  return deliveries[deliveries.length - 1] ?? null;
}

/**
 * Records the return as Shopify answered it after a mutation of the app (the freshest truth there
 * is). Times already recorded are kept, so running it twice, or after a webhook, changes nothing.
 */
export async function recordShopifyReturn(shop: string, entry: ShopifyReturn, details: ReturnDetails = {}, db: Db = prisma): Promise<ReturnCopy> {
  const now = new Date();
  const existing = await db.returnRequest.findUnique({ where: { shop_shopifyReturnId: { shop, shopifyReturnId: entry.id } } });
  const status = lower(entry.status);
  const refund = refundOf(entry);
  const delivery = deliveryOf(entry);
  const data = {
    orderName: entry.orderName,
    name: entry.name,
    status,
    declineReason: entry.decline?.reason ?? existing?.declineReason ?? null,
    declineNote: entry.decline?.note ?? existing?.declineNote ?? null,
    labelUrl: delivery?.labelUrl ?? existing?.labelUrl ?? null,
    trackingNumber: delivery?.trackingNumber ?? existing?.trackingNumber ?? null,
    trackingUrl: delivery?.trackingUrl ?? existing?.trackingUrl ?? null,
    carrierName: delivery?.carrierName ?? existing?.carrierName ?? null,
    refundAmount: refund?.amount ?? existing?.refundAmount ?? null,
    refundCurrency: refund?.currency ?? existing?.refundCurrency ?? null,
    refundMethod: existing?.refundMethod ?? (refund ? (details.refundMethod ?? null) : null),
    approvedAt: existing?.approvedAt ?? date(entry.requestApprovedAt),
    declinedAt: existing?.declinedAt ?? (status === "declined" ? now : null),
    refundedAt: existing?.refundedAt ?? refund?.at ?? null,
    closedAt: status === "closed" ? (existing?.closedAt ?? date(entry.closedAt) ?? now) : null,
    canceledAt: existing?.canceledAt ?? (status === "canceled" ? now : null),
    ...(details.photoRef !== undefined && details.photoRef !== null ? { photoRef: details.photoRef } : {}),
  };
  const saved = existing
    ? await db.returnRequest.update({ where: { id: existing.id }, data })
    : await db.returnRequest.create({
        data: {
          ...data,
          shop,
          orderId: entry.orderId,
          shopifyReturnId: entry.id,
          customerId: details.customerId ?? null,
          source: details.source ?? "admin",
          photoRef: details.photoRef ?? null,
          requestedAt: new Date(entry.createdAt),
        },
      });
  for (const line of entry.lines) {
    if (!line.fulfillmentLineItemId) continue;
    const productId = line.lineItemId ? (details.productIds?.[line.lineItemId] ?? null) : null;
    await db.returnRequestLine.upsert({
      where: { requestId_fulfillmentLineItemId: { requestId: saved.id, fulfillmentLineItemId: line.fulfillmentLineItemId } },
      create: {
        requestId: saved.id,
        shop,
        fulfillmentLineItemId: line.fulfillmentLineItemId,
        lineItemId: line.lineItemId,
        productId,
        title: line.title,
        shopifyLineId: line.id,
        quantity: line.quantity,
        reason: line.reason?.handle ?? null,
        reasonName: line.reason?.name ?? null,
        customerNote: line.customerNote,
      },
      update: { shopifyLineId: line.id, quantity: line.quantity, ...(productId ? { productId } : {}) },
    });
  }
  const copy = await db.returnRequest.findUniqueOrThrow({ where: { id: saved.id }, include: { lines: { orderBy: { fulfillmentLineItemId: "asc" } } } });
  await queueReturnEmails(shop, existing, copy, db);
  return copy;
}

/**
 * A returns/* webhook. A return first seen here (requested in Shopify's admin, or a webhook that beat
 * the app's own write) is created with the lines the payload names; a status that would move back is
 * ignored; each step's time is recorded once.
 */
export async function applyReturnWebhook(
  tx: Prisma.TransactionClient,
  shop: string,
  topic: string,
  change: ReturnWebhookChange,
  receivedAt: Date,
): Promise<void> {
  const existing = await tx.returnRequest.findUnique({ where: { shop_shopifyReturnId: { shop, shopifyReturnId: change.shopifyReturnId } } });
  const order = existing ? null : await tx.order.findUnique({ where: { shop_id: { shop, id: change.orderId } }, select: { name: true, customerId: true } });
  const stored = existing ? lower(existing.status) : null;
  const status = stored && !statusMayMove(stored, change.status, topic) ? stored : change.status;
  const moved = status === change.status;
  const stamp = (current: Date | null | undefined, when: boolean) => current ?? (when ? receivedAt : null);
  const data = {
    status,
    name: change.name ?? existing?.name ?? null,
    approvedAt: stamp(existing?.approvedAt, moved && (status === "open" || status === "closed")),
    declinedAt: stamp(existing?.declinedAt, moved && status === "declined"),
    closedAt: status === "closed" ? stamp(existing?.closedAt, true) : null,
    canceledAt: stamp(existing?.canceledAt, moved && status === "canceled"),
    ...(moved && change.declineReason ? { declineReason: change.declineReason, declineNote: change.declineNote } : {}),
  };
  const changed = existing ? changedFields(existing, data) : null;
  const saved = existing
    ? changed && Object.keys(changed).length > 0
      ? await tx.returnRequest.update({ where: { id: existing.id }, data: changed })
      : existing
    : await tx.returnRequest.create({
        data: {
          ...data,
          shop,
          orderId: change.orderId,
          orderName: order?.name ?? null,
          customerId: order?.customerId ?? null,
          shopifyReturnId: change.shopifyReturnId,
          source: "shopify",
          requestedAt: receivedAt,
        },
      });
  const lineItemIds = change.lines.map((line) => line.lineItemId).filter((id): id is string => !!id);
  const orderLines = lineItemIds.length
    ? await tx.orderLineItem.findMany({ where: { shop, id: { in: lineItemIds } }, select: { id: true, title: true, productId: true } })
    : [];
  const storedLines = existing ? await tx.returnRequestLine.findMany({ where: { requestId: saved.id } }) : [];
  for (const line of change.lines) {
    const orderLine = orderLines.find((candidate) => candidate.id === line.lineItemId);
    const stored = storedLines.find((candidate) => candidate.fulfillmentLineItemId === line.fulfillmentLineItemId);
    if (stored && stored.shopifyLineId === line.shopifyLineId && stored.quantity === line.quantity) continue;
    await tx.returnRequestLine.upsert({
      where: { requestId_fulfillmentLineItemId: { requestId: saved.id, fulfillmentLineItemId: line.fulfillmentLineItemId } },
      create: {
        requestId: saved.id,
        shop,
        fulfillmentLineItemId: line.fulfillmentLineItemId,
        lineItemId: line.lineItemId,
        productId: orderLine?.productId ?? null,
        title: orderLine?.title ?? null,
        shopifyLineId: line.shopifyLineId,
        quantity: line.quantity,
        reason: line.reason,
        customerNote: line.customerNote,
      },
      update: { shopifyLineId: line.shopifyLineId, quantity: line.quantity },
    });
  }
  const copy = await tx.returnRequest.findUniqueOrThrow({ where: { id: saved.id }, include: { lines: { orderBy: { fulfillmentLineItemId: "asc" } } } });
  await queueReturnEmails(shop, existing, copy, tx);
}

/** The fields of `data` that differ from the stored row (a late or repeated webhook writes nothing). */
function changedFields<T extends Record<string, unknown>>(stored: Record<string, unknown>, data: T): Partial<T> {
  const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
  return Object.fromEntries(Object.entries(data).filter(([key, value]) => !same(stored[key], value ?? null))) as Partial<T>;
}

export async function getReturnCopy(shop: string, shopifyReturnId: string): Promise<ReturnCopy | null> {
  return prisma.returnRequest.findUnique({
    where: { shop_shopifyReturnId: { shop, shopifyReturnId } },
    include: { lines: { orderBy: { fulfillmentLineItemId: "asc" } } },
  });
}

export async function listReturnCopies(shop: string, options: { status?: ReturnCopyStatus; take?: number; skip?: number } = {}): Promise<ReturnCopy[]> {
  return prisma.returnRequest.findMany({
    where: { shop, ...(options.status ? { status: options.status } : {}) },
    include: { lines: { orderBy: { fulfillmentLineItemId: "asc" } } },
    orderBy: [{ requestedAt: "desc" }, { id: "asc" }],
    take: Math.min(options.take ?? 50, 251),
    skip: Math.max(0, options.skip ?? 0),
  });
}

/**
 * customers/redact: the returns stay (the shop's records of its refunds), but the shopper's own words
 * and photo, the note written to them and the link to their customer record go.
 */
export async function redactCustomerReturns(tx: Prisma.TransactionClient, shop: string, customerId: string, orderIds: readonly string[]): Promise<void> {
  const where = { shop, OR: [{ customerId }, { orderId: { in: [...orderIds] } }] };
  const theirs = await tx.returnRequest.findMany({ where, select: { id: true } });
  const ids = theirs.map((entry) => entry.id);
  await tx.returnRequest.updateMany({ where: { id: { in: ids } }, data: { customerId: null, photoRef: null, declineNote: null } });
  await tx.returnRequestLine.updateMany({ where: { requestId: { in: ids } }, data: { customerNote: null } });
  await tx.returnPhoto.deleteMany({ where: { shop, returnRequestId: { in: ids } } });
}

/** shop/redact: every return row of the shop. */
export async function deleteShopReturns(tx: Prisma.TransactionClient, shop: string): Promise<void> {
  await tx.returnPhoto.deleteMany({ where: { shop } });
  await tx.returnRequestLine.deleteMany({ where: { shop } });
  await tx.returnRequest.deleteMany({ where: { shop } });
}
