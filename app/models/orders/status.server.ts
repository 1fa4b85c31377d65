/**
 * The order-status look-up behind the storefront block: order number plus the order's email, or the
 * logged-in customer who placed it. An unknown order and a wrong email get the same answer, through
 * the same statement (status-facts.server.ts), and no answer leaves before MIN_ANSWER_MS (the returns check works the same way).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Order } from "@prisma/client";
import prisma from "../../db.server";
import { normalizeEmail } from "./contact-details.server";
import { getDeliveryPromises } from "../delays/delay.server";
import { getShopTimeZone } from "../shop/time-zone.server";
import type { FulfillmentRecord } from "./record";
import { orderStatusView, type OrderStatusView } from "./status";
import { MIN_ANSWER_MS, orderNameCandidates, type OrderCheckInput } from "../returns/check.server";
import { orderReturnStatuses, type OrderReturnStatus } from "../returns/order-status";
import { readOrderLookupFacts } from "./status-facts.server";

export type OrderStatusAnswer = { result: "found"; order: OrderStatusView; returns: OrderReturnStatus[] } | { result: "not_found"; order: null };

const NO_ORDER = "gid://shopify/Order/0";

export type StatusOrder = Pick<Order, "id" | "name" | "createdAt" | "cancelledAt" | "fulfillmentStatus">;

function sameEmail(stored: string, claimed: string): boolean {
  const digest = (email: string) => createHash("sha256").update(normalizeEmail(email)).digest();
  return timingSafeEqual(digest(stored), digest(claimed));
}

export async function lookUpOrderStatus(
  shop: string,
  input: OrderCheckInput,
  options: { loggedInCustomerId?: string | null; minAnswerMs?: number; now?: Date } = {},
): Promise<OrderStatusAnswer> {
  const started = Date.now();
  const answer = await findStatus(shop, input, options.loggedInCustomerId ?? null, options.now ?? new Date());
  const wait = (options.minAnswerMs ?? MIN_ANSWER_MS) - (Date.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return answer;
}

async function findStatus(shop: string, input: OrderCheckInput, loggedInCustomerId: string | null, now: Date): Promise<OrderStatusAnswer> {
  // One statement, the same whether or not the order exists and the email matches.
  const facts = await readOrderLookupFacts(shop, orderNameCandidates(input.orderNumber));
  const emailMatches = sameEmail(facts?.email ?? "", input.email ?? "") && !!facts?.email && input.email !== undefined;
  const customerMatches = !!loggedInCustomerId && facts?.order.customerId === `gid://shopify/Customer/${loggedInCustomerId}`;
  if (!facts || !(emailMatches || customerMatches)) return { result: "not_found", order: null };
  const { order, parcels, promise, timeZone } = facts;
  const view = orderStatusView({ ...order, parcels, promise }, timeZone, now);
  return { result: "found", order: view, returns: orderReturnStatuses(facts.returns, timeZone) };
}

/**
 * What every order status door shows for a stored order (the storefront look-up, the customer account
 * block): its parcels and promise, dated in the shop's time zone. With no order it runs the same
 * queries and answers null. `shopTimeZone`: the shop's, when the caller reads it for the rest of its answer.
 */
export async function statusViewOf(
  shop: string,
  order: StatusOrder | null,
  now: Date,
  shopTimeZone: Promise<string> = getShopTimeZone(shop),
): Promise<OrderStatusView | null> {
  const orderId = order?.id ?? NO_ORDER;
  const [parcels, promises, timeZone] = await Promise.all([
    prisma.orderFulfillment.findMany({ where: { shop, orderId } }),
    getDeliveryPromises(shop, [orderId]),
    shopTimeZone,
  ]);
  if (!order) return null;
  const promise = promises.get(order.id);
  return orderStatusView(
    {
      name: order.name,
      createdAt: order.createdAt,
      cancelledAt: order.cancelledAt,
      fulfillmentStatus: order.fulfillmentStatus,
      parcels: parcels.map(({ shop: _shop, ...parcel }): FulfillmentRecord => parcel),
      promise: promise ? { earliest: promise.earliest, latest: promise.latest } : null,
    },
    timeZone,
    now,
  );
}
